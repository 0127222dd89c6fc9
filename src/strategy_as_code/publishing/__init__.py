"""Publishing: what leaves the core for the outside world. The site's generated pages and
fragments (site.py), the open data, the accessibility statement's requirements, the pull
request's review comment, adopted annual versions released with mike, and the search index
made from the built site (search_index.py)."""
