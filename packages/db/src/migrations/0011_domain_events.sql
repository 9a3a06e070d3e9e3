-- One naming scheme for domain events (core/src/domain-events): `<thing>.<what happened>`.
UPDATE outbox_events SET type = 'tier.upgraded' WHERE type = 'tier_upgraded';
