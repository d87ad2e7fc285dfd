# The build stage lighttpd.dl names: Debian's lighttpd. docker build -t localhost/debian-lighttpd:bookworm -f builder.Dockerfile .
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends lighttpd && rm -rf /var/lib/apt/lists/*
