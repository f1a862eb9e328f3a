"""actorgraph: news text in, actor graph out.

The package is a one-way pipeline of named stages::

    text -> extract.documents -> extract.nlp -> extract.actors -> extract.relations
         -> graph.store -> graph.cypher / graph.neo4j / graph.view / graph.export

Example
-------
>>> from actorgraph import extract_file  # doctest: +SKIP
"""

__version__ = "0.1.0"
