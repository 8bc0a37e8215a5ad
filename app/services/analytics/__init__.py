"""Merchant outcomes computed by SQL over the store: chat volume, how replies were produced, handoffs,
durable resolution, unanswered questions, refunds and chargebacks."""
