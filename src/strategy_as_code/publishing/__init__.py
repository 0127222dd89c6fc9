"""Publishing: the site's generated pages, the open data, the accessibility statement's
requirements, and adopted annual versions released with mike."""
