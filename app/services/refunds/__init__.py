"""The refund agent: intake and uploads, evidence analysis, policy engine, negotiation, merchant review."""
