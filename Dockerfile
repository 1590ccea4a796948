# One image for every function. Knative sets FUNCTION_TARGET / FUNCTION_SIGNATURE_TYPE per Service.
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install -r /tmp/requirements.txt
WORKDIR /app
COPY common ./common
COPY functions ./functions
COPY events ./events
COPY migrations ./migrations
COPY alembic.ini ./
# Byte-compile now: the root filesystem is read-only at run time.
RUN /opt/venv/bin/python -m compileall -q /app /opt/venv/lib \
 && rm -rf /app/functions/local

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH PYTHONPATH=/app PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PORT=8080
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app
USER 65532:65532
EXPOSE 8080
# functions-framework reads FUNCTION_TARGET and FUNCTION_SIGNATURE_TYPE from the environment.
CMD ["functions-framework", "--source", "functions/main.py", "--port", "8080"]
