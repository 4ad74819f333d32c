"""GB/T 2260 gazetteer (from the table shipped in cpca): regions, name look-up, mentions, abbreviations.

>>> from clustergraph.gazetteer import Gazetteer
>>> Gazetteer.default().lookup("宁波").code6
'330200'
"""

from __future__ import annotations

from clustergraph.gazetteer.core import Gazetteer
from clustergraph.gazetteer.model import Mention, Region

__all__ = ["Gazetteer", "Mention", "Region"]
