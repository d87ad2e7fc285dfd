# Configuration of [=name]: the image holds it as /etc/[=name]/[=name].conf (see config in [=name].dl).
