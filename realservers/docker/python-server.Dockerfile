# One recipe for the three real-server images (kserve, pytriton, mlserver): a Python 3.11 venv at
# /opt/venv holding exactly the pins docker.sh passes in (from realservers/pins.sh). Nothing of the
# checkout is baked in: the tests copy their models and scripts into the container when they start it.
# The base is local (debootstrap + docker import, see docker.sh build) because no registry is reachable.
FROM inferlink/debian-base:bookworm
ENV DEBIAN_FRONTEND=noninteractive \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONUNBUFFERED=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# tini as PID 1: the kernel ignores SIGTERM sent to a PID 1 that has no handler, and
# pytriton_*.py install none, so `docker stop` waited its whole grace period and then killed
# (15 s per container, measured); tini passes the signal on and the container stops at once.
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["/usr/bin/tini", "--"]
# The host's CA bundle: pip must trust whatever TLS setup sits between this machine and PyPI.
# It is the build host's public trust store, not a secret.
COPY host-ca.crt /etc/inferlink/host-ca.crt
# PINS: space-separated pip requirements (from pins.sh).
ARG PINS
RUN python3 -m venv /opt/venv \
 && pip install -q --cert /etc/inferlink/host-ca.crt --upgrade pip \
 && pip install -q --cert /etc/inferlink/host-ca.crt ${PINS}
# The labels let docker.sh see which pins and which version of this file (RECIPE, its hash) an
# image holds, so that a change rebuilds it although the tag names only the server's version.
# RECIPE comes after the install: a changed comment here then costs a label layer, not a pip run.
ARG RECIPE
LABEL org.inferlink.pins="${PINS}" org.inferlink.recipe="${RECIPE}"
WORKDIR /opt/inferlink
CMD ["python3", "--version"]
