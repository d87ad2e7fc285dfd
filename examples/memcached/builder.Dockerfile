# The build stage memcached.dl names: Debian's memcached. docker build -t localhost/debian-memcached:bookworm -f builder.Dockerfile .
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends memcached && rm -rf /var/lib/apt/lists/*
