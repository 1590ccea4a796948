"""CourseService: courses, library folders, course content (modules, lessons,
components) and content versions. One module per RPC (``<method_snake>.py``);
the shared rules live in the area modules:

    model.py        the course body (Content / Module / Lesson), its JSON form and etags
    structure.py    pure edits of a body: insert, reorder, move (dense positions)
    validation.py   request checks: ids, lengths, enums, tags, components
    convert.py      proto <-> domain
    visibility.py   who may see / trash what (team libraries, creators, leads)
    course_cache.py the Redis entries of this area and their invalidation
    courses.py      course metadata: create, read, update, trash, restore, duplicate
    library.py      listing, counting and tags
    folders.py      the folder tree: create, move (no cycles), delete with contents
    content.py      reading the current body and committing a new version (S3 + PostgreSQL)
    edits.py        the module and lesson RPCs (and whole-body saves) as pure edits of a body
    versions.py     listing, reading and restoring versions
"""
