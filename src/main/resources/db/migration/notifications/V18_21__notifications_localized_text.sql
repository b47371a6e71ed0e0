-- In-app messages are read in the reader's language (issue 18): the message keys and arguments of the subject and the
-- body, and the page where the reader acts on the message. Older rows have none and show their stored words.
alter table notifications.message
    add column subject_key varchar(100),
    add column body_key    varchar(100),
    add column text_args   text[],
    add column link        varchar(200);
-- Older alert messages carried the detector's English explanation as their body: they now open the alert, whose page
-- explains it in the reader's language, and say so instead.
update notifications.message
set link = '/guardian/alerts/' || substring(reference from 16),
    body_key = 'notifications.guardian-alert.body'
where reference ~ '^guardian-alert:[0-9]+$' and body_key is null;
