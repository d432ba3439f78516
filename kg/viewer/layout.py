"""A fixed layout computed once, when the page is written, so the browser opens it without simulating.

Each connected component is laid out on its own with a force-directed layout and a fixed seed (networkx's
spring layout for small components; for large ones, where networkx would need scipy and O(n^2) memory, a
Fruchterman-Reingold pass whose repulsion is computed on a grid: the nodes are spread onto a mesh and the
repulsive field is one FFT convolution, so a step costs O(n + grid^2 log grid) instead of O(n^2)), then
the components are packed in rows, largest first. Coordinates are rounded to whole pixels: two runs give
the same bytes.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

SEED = 20201119
SPACING = 150.0  # pixels per sqrt(node) of a component's radius
LABEL_HEIGHT = 56.0  # small components: label boxes this tall (node and label) are kept from overlapping
SMALL_COMPONENT = 400  # up to this size, networkx's spring layout
GAP = 170.0


def layout(node_ids: list, edges: list, widths: dict | None = None) -> dict:
    """Positions {node id: (x, y)} for the nodes and (source, target) edges given; widths (pixels, by node
    id) let small components keep labels from overlapping."""
    widths = widths or {}
    graph = nx.Graph()
    graph.add_nodes_from(sorted(node_ids))
    graph.add_edges_from(sorted((a, b) for a, b in edges if a != b and a in graph and b in graph))
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    placed = [(_component(graph.subgraph(c), c, np.array([widths.get(v, 60.0) for v in c])), c) for c in components]
    return _pack(placed)


def _component(sub: nx.Graph, order: list, widths: np.ndarray) -> np.ndarray:
    n = len(order)
    if n == 1:
        return np.zeros((1, 2))
    if n <= SMALL_COMPONENT:
        ordered = nx.Graph()
        ordered.add_nodes_from(order)
        ordered.add_edges_from(sorted(sub.edges()))
        pos = nx.spring_layout(ordered, seed=SEED, iterations=80, method="force")
        coords = np.array([pos[v] for v in order], dtype=float)
    else:
        index = {v: i for i, v in enumerate(order)}
        pairs = np.array([(index[a], index[b]) for a, b in sorted(sub.edges())], dtype=np.int64).reshape(-1, 2)
        coords = mesh_fruchterman_reingold(n, pairs, seed=SEED)
    coords = _landscape(coords - coords.mean(axis=0))
    radius = np.abs(coords).max() or 1.0
    coords = coords / radius * SPACING * max(0.5, math.sqrt(n) - 0.6)
    return _spread(coords, widths) if n <= SMALL_COMPONENT else coords


def _landscape(coords: np.ndarray) -> np.ndarray:
    """Rotate so the longer axis is horizontal (screens are wide), with a fixed sign for determinism."""
    _, _, vt = np.linalg.svd(coords, full_matrices=False)
    for row in vt:
        if row[np.argmax(np.abs(row))] < 0:
            row *= -1
    return coords @ vt.T


def _spread(coords: np.ndarray, widths: np.ndarray, rounds: int = 80) -> np.ndarray:
    """Remove overlaps between label boxes (width by label, fixed height), a little at a time, moving
    each pair apart along the axis where they overlap least."""
    coords = coords.copy()
    n = len(coords)
    tie = np.sign(np.arange(n)[:, None] - np.arange(n)[None, :]).astype(float)  # separates equal points
    need_x = (widths[:, None] + widths[None, :]) / 2 + 16
    for _ in range(rounds):
        dx = coords[:, None, 0] - coords[None, :, 0]
        dy = coords[:, None, 1] - coords[None, :, 1]
        over_x, over_y = need_x - np.abs(dx), LABEL_HEIGHT - np.abs(dy)
        overlap = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(overlap, False)
        if not overlap.any():
            break
        along_y = overlap & (over_y <= over_x)
        along_x = overlap & (over_y > over_x)
        sign_x = np.where(dx != 0, np.sign(dx), tie)
        sign_y = np.where(dy != 0, np.sign(dy), tie)
        push_x = np.where(along_x, over_x * sign_x, 0.0).sum(axis=1)
        push_y = np.where(along_y, over_y * sign_y, 0.0).sum(axis=1)
        coords += np.stack([push_x, push_y], axis=1) * 0.25
    return coords


def _unit_kernel(grid: int) -> tuple:
    """FFTs of the repulsion kernel (dx, dy) / (dx^2 + dy^2) in cell units, on a (2 grid)^2 periodic mesh
    so that the circular convolution equals the plain one for every offset inside the grid."""
    offsets = np.fft.fftfreq(2 * grid, d=1.0 / (2 * grid))  # 0, 1, ..., grid-1, -grid, ..., -1
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = dx * dx + dy * dy
    r2[0, 0] = 1.0
    kx, ky = dx / r2, dy / r2
    kx[0, 0] = ky[0, 0] = 0.0
    return np.fft.rfft2(kx), np.fft.rfft2(ky)


def mesh_fruchterman_reingold(n: int, pairs: np.ndarray, seed: int, iterations: int = 150,
                              grid: int = 128) -> np.ndarray:
    """Fruchterman-Reingold in the unit square with repulsion from a particle mesh: each node's weight is
    shared by the four grid points around it (cloud in cell), the field is the density convolved with the
    kernel (by FFT), and read back at each node with the same weights, so a node never pushes itself.
    Deterministic: a seeded start and no sampling."""
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)
    src, dst = pairs[:, 0], pairs[:, 1]
    kx_hat, ky_hat = _unit_kernel(grid)
    size = 2 * grid
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        low = pos.min(axis=0)
        cell = max(float(np.ptp(pos, axis=0).max()), 1e-9) / (grid - 1.001)
        u = (pos - low) / cell
        base = np.minimum(np.floor(u).astype(np.int64), grid - 2)
        frac = u - base
        corners = []  # (flat mesh index, weight) of the four grid points around each node
        for ox, oy in ((0, 0), (1, 0), (0, 1), (1, 1)):
            wx = frac[:, 0] if ox else 1.0 - frac[:, 0]
            wy = frac[:, 1] if oy else 1.0 - frac[:, 1]
            corners.append(((base[:, 0] + ox) * size + base[:, 1] + oy, wx * wy))
        density = np.zeros(size * size)
        for flat, weight in corners:
            density += np.bincount(flat, weights=weight, minlength=size * size)
        density_hat = np.fft.rfft2(density.reshape(size, size))
        field_x = np.fft.irfft2(density_hat * kx_hat, s=(size, size)).ravel()
        field_y = np.fft.irfft2(density_hat * ky_hat, s=(size, size)).ravel()
        disp = np.zeros((n, 2))
        for flat, weight in corners:
            disp[:, 0] += field_x[flat] * weight
            disp[:, 1] += field_y[flat] * weight
        disp *= k * k / cell
        d = pos[src] - pos[dst]
        dist = np.sqrt(np.maximum((d**2).sum(axis=-1), 1e-12))
        pull = d * (dist / k)[:, None]
        np.add.at(disp, src, -pull)
        np.add.at(disp, dst, pull)
        length = np.sqrt(np.maximum((disp**2).sum(axis=-1), 1e-12))
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return pos


def _pack(placed: list) -> dict:
    """Shelf packing: components left to right in rows about as wide as the whole is tall."""
    sizes = [(np.ptp(c[:, 0]) + GAP, np.ptp(c[:, 1]) + GAP) if len(c) > 1 else (GAP, GAP) for c, _ in placed]
    total = sum(w * h for w, h in sizes)
    row_width = max(math.sqrt(total) * 1.3, max((w for w, _ in sizes), default=GAP))
    positions: dict = {}
    x = y = row_height = 0.0
    for (coords, order), (w, h) in zip(placed, sizes):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        origin = np.array([x + w / 2, y + h / 2]) - (coords.min(axis=0) + coords.max(axis=0)) / 2
        for node, (px, py) in zip(order, coords + origin):
            positions[node] = (int(round(px)), int(round(py)))
        x += w
        row_height = max(row_height, h)
    return positions
