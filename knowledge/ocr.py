"""Optional OCR for scanned PDFs: RapidOCR (PP-OCR models as ONNX, bundled in the rapidocr-onnxruntime wheel, so it
runs offline on CPU). Off by default (MC_KNOWLEDGE_PDF_OCR): a page takes seconds on a CPU.

Install without its dependency list, which names opencv-python and would shadow the opencv-python-headless
already installed: `pip install --no-deps rapidocr-onnxruntime==1.4.4 pyclipper==1.4.0 shapely==2.2.0`.
"""

from __future__ import annotations

import importlib.util
import io
import threading
from typing import Any


class OcrUnavailableError(RuntimeError):
    """OCR was switched on but the package is not installed; the message says how to install it."""


class PdfOcr:
    """Text lines of one page image, top to bottom. The engine loads on first use (about 3 s), then is shared."""

    def __init__(self) -> None:
        if importlib.util.find_spec("rapidocr_onnxruntime") is None:
            raise OcrUnavailableError(
                "MC_KNOWLEDGE_PDF_OCR is on but rapidocr-onnxruntime is not installed: pip install --no-deps "
                "rapidocr-onnxruntime==1.4.4 pyclipper==1.4.0 shapely==2.2.0")  # fmt: skip
        self._engine: Any = None
        self._lock = threading.Lock()  # one page at a time: the engine is not documented as thread-safe

    def __call__(self, image: bytes) -> str:
        import numpy as np
        from PIL import Image

        with self._lock:
            if self._engine is None:
                from rapidocr_onnxruntime import RapidOCR

                self._engine = RapidOCR()
            pixels = np.array(Image.open(io.BytesIO(image)).convert("RGB"))
            result, _ = self._engine(pixels)
        return "\n".join(str(line[1]) for line in (result or []) if str(line[1]).strip())
