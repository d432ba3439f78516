"""The actor network of a diplomacy graph, for analysts: who meets whom, who confers awards on whom, who
presents credentials to whom, who signs and attends together, who holds office where.

Reading (facts.py) -> the network of one view (actors.py) -> centralities and communities (metrics.py) ->
tables (tables.py), interchange files for Gephi and pandas (interchange.py). The input is any graph under
the diplomacy ontology, loaded in one place (source.py).
"""

from kg.network.actors import KINDS, VIEWS, ActorNetwork, actor_network
from kg.network.facts import ActorData, read_actor_data
from kg.network.metrics import Analysis, analyze

__all__ = [
           "KINDS",
           "VIEWS",
           "ActorData",
           "ActorNetwork",
           "Analysis",
           "actor_network",
           "analyze",
           "read_actor_data",
]
