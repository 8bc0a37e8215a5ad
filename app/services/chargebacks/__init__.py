"""Chargeback defense: reason-code catalog, intake, evidence assembly, deadlines, the Word rebuttal."""

from app.services.chargebacks.pan import mask_pans
from app.services.chargebacks.service import CaseReview, ChargebackService

__all__ = ["CaseReview", "ChargebackService", "mask_pans"]
