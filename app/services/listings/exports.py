"""Export accepted listings: Shopify's translations CSV (Translate & Adapt import), a per-marketplace CSV, JSON.

Shopify's file has one row per translated field: Type, Identification, Field, Locale, Market, Status, Default
content, Translated content (the columns of the admin's "Export translations" file, which its import reads back).
Identification is Shopify's numeric product ID, which a product CSV does not carry: it is read from the merchant's
own translations export (its `handle` rows give each handle's ID); a product without one keeps its SKU/handle and is
listed in the report, since Shopify's import would not match it.
Only accepted versions are written; a version accepted despite failed checks is marked in the marketplace CSV and
the JSON and listed in the report, never written silently.
"""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.listings import ListingVersion
from app.services.listings.marketplaces import MarketplaceProfile
from knowledge.products import Product

SHOPIFY_COLUMNS = ("Type", "Identification", "Field", "Locale", "Market", "Status", "Default content",
                   "Translated content")
# Shopify locale codes where the bare language is not what a cross-border shop publishes.
DEFAULT_SHOPIFY_LOCALES = {"zh": "zh-CN", "pt": "pt-BR"}
META_DESCRIPTION_MAX = 320


@dataclass
class ExportReport:
    path: Path
    rows: int
    flagged: list[str] = field(default_factory=list)  # "SKU/lang v3: accepted despite: …"
    unmatched: list[str] = field(default_factory=list)  # products written without a Shopify product ID


def _flag(version: ListingVersion) -> str | None:
    if version.passed:
        return None
    reasons = "; ".join(str(i) for i in version.issues[:3])
    return f"{version.product_id}/{version.language} v{version.version}: accepted despite failed checks ({reasons})" + (
        f" — merchant's reason: {version.override_reason}" if version.override_reason else "")


def body_html(description: str, bullets: Sequence[str]) -> str:
    """Shopify's body_html built here from plain text (escaped), never from model-written markup."""
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>" for p in description.split("\n") if p.strip())
    items = "".join(f"<li>{html.escape(b)}</li>" for b in bullets)
    return paragraphs + (f"<ul>{items}</ul>" if items else "")


def _meta(text: str, limit: int = META_DESCRIPTION_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def shopify_product_ids(path: Path) -> dict[str, str]:
    """Handle -> Shopify product ID from a translations export of the merchant's store (any locale)."""
    ids: dict[str, str] = {}
    for row in read_shopify_csv(path, translated=False):
        if row["Type"].strip().upper() == "PRODUCT" and row["Field"].strip() == "handle":
            handle = (row.get("Default content") or "").strip()
            if handle:
                ids[handle.lower()] = row["Identification"].strip()
    if not ids:
        raise ExportFormatError(f"{path.name}: no PRODUCT handle rows; export the translations of your products")
    return ids


def shopify_csv(versions: Sequence[ListingVersion], products: Mapping[str, Product], path: Path,
                locales: Mapping[str, str] = DEFAULT_SHOPIFY_LOCALES,
                product_ids: Mapping[str, str] | None = None) -> ExportReport:
    """`product_ids`: handle (lower case) -> Shopify product ID, from `shopify_product_ids`."""
    report = ExportReport(path=path, rows=0)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(SHOPIFY_COLUMNS)
        for version in versions:
            product = products.get(version.product_id)
            if product is None:
                continue
            if (flag := _flag(version)) is not None:
                report.flagged.append(flag)
            locale = locales.get(version.language, version.language)
            identification = (product_ids or {}).get(product.id.lower())
            if identification is None:
                identification = product.id
                if product.id not in report.unmatched:
                    report.unmatched.append(product.id)
            listing = version.listing
            fields = (
                ("title", product.title, listing.title),
                ("body_html", body_html(product.description, ()), body_html(listing.description, listing.bullets)),
                ("meta_title", product.title, listing.title),
                ("meta_description", _meta(product.description), _meta(listing.description)),
            )
            for name, default, translated in fields:
                writer.writerow(["PRODUCT", identification, name, locale, "", "", default, translated])
                report.rows += 1
    return report


def marketplace_csv(versions: Sequence[ListingVersion], profile: MarketplaceProfile, path: Path) -> ExportReport:
    report = ExportReport(path=path, rows=0)
    bullet_columns = [f"bullet_{i}" for i in range(1, profile.bullets_max + 1)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["sku", "language", "marketplace", "version", "title", *bullet_columns, "description",
                         "keywords", "checks"])
        for version in versions:
            if version.marketplace != profile.key:
                continue
            flag = _flag(version)
            if flag is not None:
                report.flagged.append(flag)
            listing = version.listing
            bullets = list(listing.bullets[: profile.bullets_max]) + [""] * (profile.bullets_max - len(listing.bullets))
            if profile.bullets_max == 0 and listing.bullets:  # no bullet field: they lead the description
                description = "\n".join(["- " + b for b in listing.bullets] + [listing.description])
            else:
                description = listing.description
            writer.writerow([version.product_id, version.language, profile.key, version.version, listing.title,
                             *bullets, description, ", ".join(listing.keywords),
                             "passed" if flag is None else "FLAGGED: " + "; ".join(str(i) for i in version.issues)])
            report.rows += 1
    return report


def json_export(versions: Sequence[ListingVersion], path: Path) -> ExportReport:
    report = ExportReport(path=path, rows=0)
    items = []
    for version in versions:
        if (flag := _flag(version)) is not None:
            report.flagged.append(flag)
        items.append({
            "sku": version.product_id, "language": version.language, "marketplace": version.marketplace,
            "version": version.version, "status": version.status, **version.listing.model_dump(),
            "checks_passed": version.passed, "issues": [vars(i) for i in version.issues],
            "override_reason": version.override_reason, "source_hash": version.source_hash,
            "prompt_version": version.prompt_version, "model": version.model, "origin": version.origin,
        })
    path.write_text(json.dumps({"listings": items}, ensure_ascii=False, indent=2), encoding="utf-8")
    report.rows = len(items)
    return report


class ExportFormatError(ValueError):
    """A file that is not a valid export; the message names the file and row."""


def read_shopify_csv(path: Path, *, translated: bool = True) -> list[dict[str, str]]:
    """Rows of a Shopify translations CSV, validated the way the import reads it (`translated`: every row carries
    a translation, as in a file to import; an export of the store may have none yet)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != SHOPIFY_COLUMNS:
            raise ExportFormatError(f"{path.name}: header must be {', '.join(SHOPIFY_COLUMNS)}")
        rows = list(reader)
    for number, row in enumerate(rows, start=2):
        for column in ("Type", "Identification", "Field", "Locale", *(("Translated content",) if translated else ())):
            if not (row.get(column) or "").strip():
                raise ExportFormatError(f"{path.name}: row {number} has no {column}")
    return rows
