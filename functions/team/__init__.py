"""TeamService: teams, their members and their libraries' folders.

Owners and admins manage every team; a team's leads manage their own team
(members, roles, name) and nothing else; anyone may leave a team. A team the
caller neither belongs to nor manages answers ``not_found``, like an id of
another tenant. Which courses and folders a membership shows is the course
area's rule (``functions/course/visibility.py``), read from the database on
every call, so a membership change is in force at the caller's next request.
"""
