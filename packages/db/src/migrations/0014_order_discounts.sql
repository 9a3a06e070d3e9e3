-- The discounts an order got from its coupons, each with its share of every item
-- (docs/checkout.md, "How a discount is spread over items"): a refund knows what each item
-- really cost, and a full refund knows which coupons to give back.
ALTER TABLE orders ADD COLUMN discounts jsonb NOT NULL DEFAULT '[]'::jsonb;

-- The order that redeemed a coupon: a full refund of that order gives the coupon back.
ALTER TABLE coupons ADD COLUMN order_id text;
CREATE INDEX coupons_order ON coupons (program_id, order_id) WHERE order_id IS NOT NULL;
