"""Listings tab: pick products, languages and a marketplace, generate (progress, stop, resume), review side by side,
edit / retry with the reasons / accept, edit the glossary, export. Wiring only: ListingService decides."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import gradio as gr

from app.domain.listings import Listing, ListingVersion
from app.errors import CopilotError
from app.services.language import LANGUAGE_NAMES, SUPPORTED_LANGUAGES
from app.services.listings.service import RunProgress
from app.wiring import Services

VERSION_HEADERS = ["version id", "SKU", "language", "marketplace", "v", "status", "checks", "title"]
GLOSSARY_HEADERS = ["kind (keep/prefer)", "language (* = all)", "source term", "use instead"]
MODEL_NOTE = (
    "Every listing is checked by code before it can be accepted: target language, every number with its unit, "
    "model names and SKUs, feature claims against the product's facts, the glossary, the marketplace's limits, "
    "and no HTML or script. **On the small demo model many listings fail these checks — that is the checks "
    "working**; a failed listing is never exported unless you accept it with a reason. Press Generate again to "
    "resume a stopped run: listings unchanged since the last run are skipped."
)


PROGRESS_EVERY_S = 0.5


def _writing(event: RunProgress, passed: int, skipped: int) -> str:
    step = event.progress
    retry = f" (attempt {step.attempt}, after an answer that was not a listing)" if step.attempt > 1 else ""
    return (f"{event.index}/{event.total} · {event.product_id} → {event.language}: writing{retry} · "
            f"{step.tokens} of at most {step.max_tokens} tokens in {step.seconds:.0f} s "
            f"({step.tokens / max(step.seconds, 1e-9):.1f} tokens/s) · {passed} passed, {skipped} skipped so far")


def _row(version: ListingVersion) -> list[object]:
    checks = "passed" if version.passed else f"{len(version.issues)} issue(s)"
    return [version.id, version.product_id, version.language, version.marketplace, version.version, version.status,
            checks, version.listing.title]


def _issues(version: ListingVersion) -> str:
    if version.passed:
        text = "✅ Passed every check."
    else:
        text = "⚠ **Flagged:**\n" + "\n".join(f"- {issue}" for issue in version.issues)
    if version.override_reason:
        text += f"\n\nAccepted despite the checks: {version.override_reason}"
    return f"v{version.version} · {version.status} · {version.origin}\n\n{text}"


def build_listings_tab(services: Services) -> None:
    service = services.listings

    def fail(exc: CopilotError) -> gr.Error:
        return gr.Error(exc.user_message)

    def versions_table() -> list[list[object]]:
        return [_row(v) for v in reversed(service.versions())]

    def profile_info(key: str) -> str:
        profile = service.profile(key)
        return (f"**{profile.name}** — title ≤ {profile.title_max} characters, {profile.bullets_max} bullets "
                f"(≤ {profile.bullet_max} each), description ≤ {profile.description_max}, "
                f"{profile.keywords_max} keywords. Sources: " + "; ".join(profile.sources))

    def generate(product_ids: list[str], languages: list[str], marketplace: str, force: bool
                 ) -> Iterator[tuple[str, Any]]:
        try:
            run = service.run_live(product_ids or [], languages or [], marketplace, force=force)
            done = passed = skipped = 0
            shown = 0.0
            for event in run:
                if isinstance(event, RunProgress):
                    now = time.monotonic()
                    if now - shown >= PROGRESS_EVERY_S:  # a fast GPU model streams hundreds of tokens a second
                        shown = now
                        yield _writing(event, passed, skipped), gr.skip()
                    continue
                done += 1
                skipped += event.outcome == "skipped"
                passed += event.outcome == "generated" and event.version is not None and event.version.passed
                yield (f"{event.index}/{event.total} · {event.product_id} → {event.language}: {event.outcome} · "
                       f"{passed} passed, {skipped} skipped so far", versions_table())
        except CopilotError as exc:
            raise fail(exc) from exc
        yield f"Done: {done} listing(s), {passed} new passed every check, {skipped} unchanged and skipped.", versions_table()

    def open_version(version_id: str) -> tuple[str, str, str, str, str, str]:
        try:
            version = service.version(version_id)
            product = service.product(version.product_id)
        except CopilotError as exc:
            raise fail(exc) from exc
        listing = version.listing
        source = f"**{product.label}**\n\n```\n{product.fact_text()}\n```"
        return (source, listing.title, "\n".join(listing.bullets), listing.description, ", ".join(listing.keywords),
                _issues(version))

    def pick(table: Any, event: gr.SelectData) -> str:
        rows = table.values.tolist() if hasattr(table, "values") else table
        return str(rows[event.index[0]][0])

    def save_edit(version_id: str, title: str, bullets: str, description: str, keywords: str
                  ) -> tuple[str, str, list[list[object]]]:
        listing = Listing(title=title.strip(), bullets=[b.strip() for b in bullets.splitlines() if b.strip()],
                          description=description.strip(), keywords=[k.strip() for k in keywords.split(",") if k.strip()])
        try:
            version = service.edit(version_id, listing)
        except CopilotError as exc:
            raise fail(exc) from exc
        return version.id, _issues(version), versions_table()

    def retry(version_id: str) -> tuple[str, str, str, str, str, str, str, list[list[object]]]:
        try:
            version = service.retry(version_id)
        except CopilotError as exc:
            raise fail(exc) from exc
        return (version.id, *open_version(version.id), versions_table())

    def accept(version_id: str, reason: str) -> tuple[str, list[list[object]]]:
        try:
            version = service.accept(version_id, reason)
        except CopilotError as exc:
            raise fail(exc) from exc
        return _issues(version), versions_table()

    def glossary_rows() -> list[list[object]]:
        return [[t.kind, t.language, t.source, t.target] for t in service.glossary()]

    def save_glossary(table: Any) -> tuple[str, list[list[object]]]:
        rows = table.values.tolist() if hasattr(table, "values") else (table or [])
        try:
            terms = service.save_glossary(rows)
        except CopilotError as exc:
            raise fail(exc) from exc
        return f"Saved {len(terms)} glossary term(s).", glossary_rows()

    def export(fmt: str, marketplace: str, language: str) -> tuple[str | None, str]:
        try:
            report = service.export(fmt, marketplace=marketplace, language=language or None)  # type: ignore[arg-type]
        except CopilotError as exc:
            raise fail(exc) from exc
        text = f"Exported {report.rows} row(s) to {report.path.name}."
        if report.flagged:
            text += "\n\n⚠ Accepted despite failed checks:\n" + "\n".join(f"- {f}" for f in report.flagged)
        if report.unmatched:
            text += ("\n\n⚠ No Shopify product ID for " + ", ".join(report.unmatched) + ": their rows carry the "
                     "SKU/handle, which Shopify's import does not match. Export with "
                     "`python -m app listings export --format shopify --shopify-ids <your translations export>`.")
        return str(report.path), text

    def product_choices() -> list[tuple[str, str]]:
        return [(p.label, p.id) for p in service.products()]

    profiles = list(service.profiles)
    language_choices = [(f"{LANGUAGE_NAMES[c]} ({c})", c) for c in SUPPORTED_LANGUAGES]
    gr.Markdown(MODEL_NOTE)
    with gr.Row():
        products = gr.Dropdown(product_choices(), multiselect=True, label="Products")
        languages = gr.Dropdown(language_choices, multiselect=True, label="Target languages")
        marketplace = gr.Dropdown(profiles, value=profiles[0], label="Marketplace")
        force = gr.Checkbox(label="Regenerate unchanged", value=False)
    market_info = gr.Markdown(profile_info(profiles[0]))
    with gr.Row():
        generate_button = gr.Button("Generate", variant="primary")
        stop_button = gr.Button("Stop")
        refresh_button = gr.Button("Refresh list")
    progress = gr.Markdown()
    table = gr.Dataframe(headers=VERSION_HEADERS, value=versions_table, interactive=False, label="Listings")

    gr.Markdown("### Review")
    version_id = gr.Textbox(label="Version id (click a row above)")
    with gr.Row():
        source = gr.Markdown(label="Source facts")
        with gr.Column():
            title = gr.Textbox(label="Title")
            bullets = gr.Textbox(label="Bullets (one per line)", lines=4)
            description = gr.Textbox(label="Description", lines=6)
            keywords = gr.Textbox(label="Search keywords (comma-separated)")
            issues = gr.Markdown()
    override = gr.Textbox(label="Reason to accept despite failed checks (only if it failed)")
    with gr.Row():
        save_button = gr.Button("Save edit (checks again)")
        retry_button = gr.Button("Retry with the reasons")
        accept_button = gr.Button("Accept", variant="primary")

    gr.Markdown("### Glossary")
    glossary = gr.Dataframe(headers=GLOSSARY_HEADERS, value=glossary_rows, interactive=True, column_count=4,
                            label="keep = brand/model name never translated; prefer = the word this market searches")
    with gr.Row():
        glossary_button = gr.Button("Save glossary")
        glossary_status = gr.Markdown()

    gr.Markdown("### Export accepted listings")
    with gr.Row():
        export_format = gr.Radio([("Shopify translations CSV", "shopify"), ("Marketplace CSV", "marketplace"),
                                  ("JSON", "json")], value="shopify", label="Format")
        export_language = gr.Dropdown([("All", ""), *language_choices], value="", label="Language")
        export_button = gr.Button("Export")
    export_file = gr.File(label="Download")
    export_status = gr.Markdown()

    marketplace.change(profile_info, inputs=marketplace, outputs=market_info, api_name="listings_marketplace")
    run_event = generate_button.click(generate, inputs=[products, languages, marketplace, force],
                                      outputs=[progress, table], api_name="listings_generate")
    stop_button.click(None, cancels=[run_event])
    # Products uploaded since start-up appear in the picker on refresh.
    refresh_button.click(lambda: (versions_table(), gr.Dropdown(choices=product_choices())),
                         outputs=[table, products], api_name="listings_versions")
    editors = [source, title, bullets, description, keywords, issues]
    table.select(pick, inputs=table, outputs=version_id).then(open_version, inputs=version_id, outputs=editors)
    version_id.submit(open_version, inputs=version_id, outputs=editors, api_name="listings_open")
    save_button.click(save_edit, inputs=[version_id, title, bullets, description, keywords],
                      outputs=[version_id, issues, table], api_name="listings_edit")
    retry_button.click(retry, inputs=version_id, outputs=[version_id, *editors, table], api_name="listings_retry")
    accept_button.click(accept, inputs=[version_id, override], outputs=[issues, table], api_name="listings_accept")
    glossary_button.click(save_glossary, inputs=glossary, outputs=[glossary_status, glossary],
                          api_name="listings_glossary_save")
    export_button.click(export, inputs=[export_format, marketplace, export_language],
                        outputs=[export_file, export_status], api_name="listings_export")
