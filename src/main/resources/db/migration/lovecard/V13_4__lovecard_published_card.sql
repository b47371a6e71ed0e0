-- Published read model (decision 0010) for the outreach module (issue 13, 政策找人): who has a love card.
create view lovecard.published_card as
select c.person_id, c.division_code, c.opened_at
from lovecard.card c;
