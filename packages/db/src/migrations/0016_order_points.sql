-- Points spent on an order (`points_to_redeem`), what they were worth, and what its refunds
-- gave back (docs/checkout.md, "Paying with points"): a refund returns the redeemed points in
-- proportion to the amount it refunds, and the refunds of an order in full return them all.
ALTER TABLE orders
  ADD COLUMN points_redeemed bigint NOT NULL DEFAULT 0,
  ADD COLUMN points_value bigint NOT NULL DEFAULT 0,
  ADD COLUMN points_returned bigint NOT NULL DEFAULT 0;
ALTER TABLE refunds ADD COLUMN points_returned bigint NOT NULL DEFAULT 0;

-- An order of amount 0 (paid wholly with points or coupons) is refunded with amount 0.
ALTER TABLE refunds DROP CONSTRAINT refunds_amount_check;
ALTER TABLE refunds ADD CONSTRAINT refunds_amount_check CHECK (amount >= 0);
