# The build stage redis.dl names: Debian's redis-server. docker build -t localhost/debian-redis:bookworm -f builder.Dockerfile .
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends redis-server && rm -rf /var/lib/apt/lists/*
