"""Knowledge tab: what is indexed, re-index with progress, upload a file, try a search."""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from app.errors import CopilotError
from app.wiring import Services


def build_knowledge_tab(services: Services) -> None:
    admin = services.knowledge_admin

    def sources_table() -> list[list[object]]:
        return [[s.source, s.chunks, ", ".join(s.kinds)] for s in admin.sources()]

    def reindex(progress: gr.Progress = gr.Progress()) -> tuple[str, list[list[object]]]:
        report = admin.ingest_corpus(progress=lambda fraction, message: progress(fraction, desc=message))
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
        return f"Added {report.added}, updated {report.updated}, embedded {report.embedded} chunks.", sources_table()

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

    gr.Markdown("The assistant only answers from these files. Edit `knowledge/corpus/` or upload a file, then re-index.")
    with gr.Row():
        reindex_button = gr.Button("Re-index store files", variant="primary")
        status = gr.Markdown()
    table = gr.Dataframe(headers=["source", "chunks", "kinds"], value=sources_table, interactive=False, label="Indexed sources")
    with gr.Row():
        upload_file = gr.File(label="Add a file (.yaml products, .md FAQ/policy, .csv shipping, .txt)", type="filepath")
        upload_button = gr.Button("Index file")
    with gr.Row():
        source_box = gr.Textbox(label="Source to delete", placeholder="uploads/my_faq.md")
        delete_button = gr.Button("Delete source", variant="stop")
    query = gr.Textbox(label="Try a search (any language)", placeholder="¿Funciona con Nintendo Switch?")
    results = gr.Dataframe(headers=["score", "title", "source", "text"], interactive=False, wrap=True)

    reindex_button.click(reindex, outputs=[status, table], api_name="knowledge_reindex")
    upload_button.click(upload, inputs=upload_file, outputs=[status, table], api_name="knowledge_upload")
    delete_button.click(delete, inputs=source_box, outputs=[status, table], api_name="knowledge_delete")
    query.submit(search, inputs=query, outputs=results, api_name="knowledge_search")
