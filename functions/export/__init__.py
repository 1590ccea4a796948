"""Course exports: ExportCourse and friends (RPCs), the export_course job, and the packages
it builds (SCORM 1.2, SCORM 2004 4th edition, xAPI, cmi5, PDF)."""
