"""Application services: one module per job, no Gradio imports."""
