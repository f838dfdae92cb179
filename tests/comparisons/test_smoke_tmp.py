import pytest
from tests.factories import analysed_vendor, VendorFactory

pytestmark = pytest.mark.django_db

def test_smoke(viewer_client):
    a,_ = analysed_vendor("Acme Learning", "good")
    b,_ = analysed_vendor("Badco", "bad")
    c,_ = analysed_vendor("Mid Ltd", "middling")
    d,_ = analysed_vendor("Failing", "good", status="failed")
    for url in ["/vendors/", "/vendors/?q=ac&grade=A&sort=-score", f"/compare/?v={a.slug}&v={b.slug}&v={c.slug}&v={d.slug}&v=nope", "/methodology/", f"/vendors/{a.slug}/"]:
        r = viewer_client.get(url)
        assert r.status_code == 200, url
        open("/tmp/plvar/" + url.replace("/", "_")[:40] + ".html", "w").write(r.content.decode())
