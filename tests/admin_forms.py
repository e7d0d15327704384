"""Read an admin form back from its HTML, so a test can change one field and submit it."""

from html.parser import HTMLParser


class FormReader(HTMLParser):
    """Collects the submitted values of the inputs, selects and textareas of one form."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data = []
        self.select = None
        self.textarea = None
        self.text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.data.append((name, attrs.get("value", "on")))
            elif kind not in {"submit", "button", "image", "file"}:
                self.data.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.append((self.select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            text = "".join(self.text)
            self.data.append((self.textarea, text.removeprefix("\n")))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)


def read_form(html, form_id):
    """The form's fields as a dict of lists, as a browser would submit them."""
    reader = FormReader(form_id)
    reader.feed(html)
    fields = {}
    for name, value in reader.data:
        fields.setdefault(name, []).append(value)
    return fields


def submit(client, url, form_id, /, **changes):
    """Open an admin form, change some fields, submit it; return the response."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    data = read_form(page.content.decode(), form_id)
    assert data, f"no form #{form_id} on {url}"
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    return client.post(url, data)
