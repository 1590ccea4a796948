"""Course exports: ExportCourse and friends (RPCs in ``functions/course/``), the
export_course job, and the files it builds (SCORM 1.2, SCORM 2004 4th edition, xAPI,
cmi5, PDF). The internals, by what they hold:

    requests.py       what the four RPCs do: record or reuse an export, read, list, download
    options.py        ExportOptions checked, recorded complete, and the reuse key
    formats.py        the formats: stored/event/file names, content types, builders by import name
    queueing.py       the io.mirai.export.requested outbox row
    rows.py           scorm_packages rows -> the contract's Export
    export_run.py     the job: claim, read the body, build, hash, upload, record, notify
    lease_sweep.py    re-publishing exports whose run died or whose event was lost
    package_input.py  what every builder is given (PackageCourse, PackageOptions)
    pdf_document.py   the PDF builder (fpdf2; fonts/ holds DejaVu Sans and its licence)
"""
