"""Knowledge tab: what is indexed, re-index with progress, import files, pages and mapped tables, try a search."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gradio as gr

from app.errors import CopilotError
from app.wiring import Services
from knowledge.types import UpsertReport

FILE_HELP = (
    "Add a file: Shopify or WooCommerce product export (.csv), manual or spec sheet (.pdf, .docx), "
    "web page (.html), FAQ/policy (.md, .txt), products (.yaml), shipping table (.csv), or any CSV/JSON "
    "with a column mapping (preview it first)"
)


@dataclass(frozen=True)
class KnowledgeTab:
    """Components other tabs fill when they send the merchant here (Analytics: "Add knowledge")."""

    hint: gr.Markdown
    query: gr.Textbox


def build_knowledge_tab(services: Services) -> KnowledgeTab:
    admin = services.knowledge_admin

    def sources_table() -> list[list[object]]:
        return [[s.source, s.chunks, ", ".join(s.kinds)] for s in admin.sources()]

    def reindex(progress: gr.Progress = gr.Progress()) -> tuple[str, list[list[object]]]:
        try:
            report = admin.ingest_corpus(progress=lambda fraction, message: progress(fraction, desc=message))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        total = report.total
        return (
            f"Indexed {len(report.sources)} files: {total.added} added, {total.updated} updated, "
            f"{total.unchanged} unchanged, {report.embedded} chunks embedded in {report.seconds:.1f} s.",
            sources_table(),
        )

    def upload(file_path: str | None, progress: gr.Progress = gr.Progress()) -> tuple[str, list[list[object]]]:
        if not file_path:
            raise gr.Error("Choose a file first.")
        try:
            report = admin.ingest_upload(Path(file_path), progress=lambda f, m: progress(f, desc=m))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return _report_text(report), sources_table()

    def import_url(url: str, progress: gr.Progress = gr.Progress()) -> tuple[str, list[list[object]]]:
        try:
            source, report = admin.ingest_url(url, progress=lambda f, m: progress(f, desc=m))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return f"{source}: {_report_text(report)}", sources_table()

    def preview(file_path: str | None) -> tuple[str, dict[str, object], list[list[str]], str]:
        if not file_path:
            raise gr.Error("Choose a .csv or .json file first.")
        try:
            found = admin.preview_table(Path(file_path))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        note = (f"Recognised as **{found.recognised}**: use “Index file”, no mapping needed." if found.recognised
                else "Check which column is which, then “Index with this mapping”. Add rows `option:Size` → column "
                     "to read rows with the same id as variants.")
        table = gr.update(value=[list(r) for r in found.rows], headers=list(found.header))
        return note, table, admin.mapping_rows(found.suggested), found.suggested.target

    def change_target(target: str, rows: list[list[str]]) -> list[list[str]]:
        current = admin.mapping_from_rows("products" if target == "faq" else "faq", rows or [])
        return admin.mapping_rows(current, target)

    def upload_mapped(
        file_path: str | None, target: str, rows: list[list[str]], progress: gr.Progress = gr.Progress()
    ) -> tuple[str, list[list[object]]]:
        if not file_path:
            raise gr.Error("Choose a .csv or .json file first.")
        try:
            mapping = admin.mapping_from_rows(target, rows or [])
            report = admin.ingest_upload(Path(file_path), progress=lambda f, m: progress(f, desc=m), mapping=mapping)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return _report_text(report), sources_table()

    def delete(source: str) -> tuple[str, list[list[object]]]:
        if not source.strip():
            raise gr.Error("Type the source name shown in the table (e.g. uploads/faq_extra.md).")
        removed = admin.delete_source(source.strip())
        return f"Removed {removed} chunks of {source.strip()}.", sources_table()

    def search(query: str) -> list[list[object]]:
        try:
            hits = admin.search(query)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return [[f"{hit.score:.3f}", hit.chunk.title, hit.chunk.source, hit.chunk.text[:300]] for hit in hits]

    hint = gr.Markdown()
    gr.Markdown("The assistant only answers from these sources. Edit `knowledge/corpus/`, upload a file or import "
                "a page, then re-index. Importing the same file again updates it; nothing changes if the file is bad.")
    with gr.Row():
        reindex_button = gr.Button("Re-index store files", variant="primary")
        status = gr.Markdown()
    table = gr.Dataframe(headers=["source", "chunks", "kinds"], value=sources_table, interactive=False, label="Indexed sources")
    with gr.Row():
        upload_file = gr.File(label=FILE_HELP, type="filepath")
        with gr.Column():
            upload_button = gr.Button("Index file")
            preview_button = gr.Button("Preview columns (CSV/JSON)")
    with gr.Accordion("Column mapping", open=False):
        mapping_note = gr.Markdown()
        preview_table = gr.Dataframe(interactive=False, label="First rows", wrap=True)
        with gr.Row():
            target = gr.Radio(["products", "faq"], value="products", label="The file holds")
            mapping_table = gr.Dataframe(
                headers=["field", "column in the file"], value=admin.mapping_rows(), type="array",
                interactive=True, label="Mapping (leave a column empty to skip the field)",
            )
        mapped_button = gr.Button("Index with this mapping")
    with gr.Row():
        url_box = gr.Textbox(label="Import a public web page (FAQ, policy, manual PDF)",
                             placeholder="https://your-shop.example/pages/faq")
        url_button = gr.Button("Import page")
    with gr.Row():
        source_box = gr.Textbox(label="Source to delete", placeholder="uploads/my_faq.md")
        delete_button = gr.Button("Delete source", variant="stop")
    query = gr.Textbox(label="Try a search (any language)", placeholder="¿Funciona con Nintendo Switch?")
    results = gr.Dataframe(headers=["score", "title", "source", "text"], interactive=False, wrap=True)

    reindex_button.click(reindex, outputs=[status, table], api_name="knowledge_reindex")
    upload_button.click(upload, inputs=upload_file, outputs=[status, table], api_name="knowledge_upload")
    preview_button.click(preview, inputs=upload_file, outputs=[mapping_note, preview_table, mapping_table, target],
                         api_name="knowledge_preview")
    target.change(change_target, inputs=[target, mapping_table], outputs=mapping_table)
    mapped_button.click(upload_mapped, inputs=[upload_file, target, mapping_table], outputs=[status, table],
                        api_name="knowledge_upload_mapped")
    url_button.click(import_url, inputs=url_box, outputs=[status, table], api_name="knowledge_import_url")
    delete_button.click(delete, inputs=source_box, outputs=[status, table], api_name="knowledge_delete")
    query.submit(search, inputs=query, outputs=results, api_name="knowledge_search")
    return KnowledgeTab(hint, query)


def _report_text(report: UpsertReport) -> str:
    return (f"Added {report.added}, updated {report.updated}, unchanged {report.unchanged}, removed {report.removed}, "
            f"embedded {report.embedded} chunks.")
