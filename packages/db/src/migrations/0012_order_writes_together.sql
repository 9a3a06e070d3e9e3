-- A batch of order plans written without a subtransaction per plan (orders.repository.ts,
-- applyOrderPlans). `lb_apply_orders` gives every plan a subtransaction of its own, so that a
-- refused plan does not hold the others back; that costs a subtransaction (and its own
-- transaction id) per order even when, as nearly always, no plan is refused. This function
-- writes the plans one after the other in the batch's one transaction: any refusal or error
-- aborts the whole statement, nothing of the batch is written, and the caller sends the same
-- batch to `lb_apply_orders`, which sorts the good plans from the refused ones.
CREATE FUNCTION lb_apply_orders_together(plans jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  plan jsonb;
  results jsonb := '[]';
  checked text;
  context text;
BEGIN
  FOR plan IN SELECT value FROM jsonb_array_elements(plans) LOOP
    context := concat_ws(' ', plan->>'program', plan->>'program_version', plan->>'key');
    IF checked IS DISTINCT FROM context THEN
      PERFORM lb_check_order_context(plan);
      checked := context;
    END IF;
    results := results || jsonb_build_array(jsonb_build_object('version', lb_write_order(plan)));
  END LOOP;
  RETURN results;
END
$$;
