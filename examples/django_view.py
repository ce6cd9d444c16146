"""A Django upload view that asks docscreen before it stores a resume (in process).

Add ``path("resumes/", upload_resume)`` to your urlpatterns (as below). The engine loads once
per process, on the first upload (or call ``docscreen.check_upload(b"", "warm-up.txt")`` in
``AppConfig.ready``).
"""

from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_POST

import docscreen

STORED: dict[str, bytes] = {}  # stands in for your storage


@require_POST
def upload_resume(request):
    upload = request.FILES.get("file")
    if upload is None:
        return JsonResponse({"error": "send the resume in the 'file' field"}, status=400)
    verdict = docscreen.check_upload(upload, filename=upload.name)  # reads it in chunks
    if verdict.decision != "accept":
        return JsonResponse({"verdict": verdict.decision, "reasons": [r.message for r in verdict.reasons]}, status=422)
    upload.seek(0)
    STORED[upload.name] = upload.read()
    return JsonResponse({"stored": upload.name, "verdict": verdict.decision})


urlpatterns = [path("resumes/", upload_resume)]
