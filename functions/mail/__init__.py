"""Mail: requested inside the caller's unit of work (``requests.py``), sent once per
message id by the send_mail job (``delivery.py``), written from templates in the
recipient's locale (``templates.py``, ``templates/<locale>/``)."""
