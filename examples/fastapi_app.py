"""A FastAPI upload endpoint that asks docscreen before it stores a resume (in process).

    pip install 'docscreen[serve]'
    uvicorn examples.fastapi_app:app

``check_upload_async`` scans in a worker thread, so the event loop keeps serving; the engine
loads once per process (``lifespan`` loads it at start-up rather than on the first upload).
"""

from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException, UploadFile

import docscreen


@asynccontextmanager
async def lifespan(app: FastAPI):
    await docscreen.check_upload_async(b"warm-up", filename="warm-up.txt")  # load the engine now
    yield


app = FastAPI(lifespan=lifespan)
STORED: dict[str, bytes] = {}  # stands in for your storage


@app.post("/resumes")
async def upload_resume(file: UploadFile):
    verdict = await docscreen.check_upload_async(file.file, filename=file.filename)
    if verdict.decision != "accept":
        # reason messages name categories and places, never the document's text
        raise HTTPException(422, {"verdict": verdict.decision, "reasons": [r.message for r in verdict.reasons]})
    await file.seek(0)
    STORED[file.filename or "upload"] = await file.read()
    return {"stored": file.filename, "verdict": verdict.decision}
