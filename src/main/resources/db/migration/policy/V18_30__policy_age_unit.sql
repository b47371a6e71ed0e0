-- The love card's age threshold is an age (80 岁), not a duration in years (a lease of 5 年): its own unit, so that the
-- parameter table can say "80 岁" (issue 18). Values are untouched.
update policy.parameter set unit = 'age' where key = 'love-card.min-age';
