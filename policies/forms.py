from django import forms

from policies.models import Vendor

ACCEPTED_TYPES = ".pdf,.docx,.html,.htm,.txt,.md,application/pdf,text/plain,text/html,text/markdown"


class UploadForm(forms.Form):
    vendor = forms.ModelChoiceField(
        queryset=Vendor.objects.all(), required=False, empty_label="— choose a vendor —", label="Existing vendor"
    )
    new_vendor_name = forms.CharField(max_length=200, required=False, label="…or a new vendor")
    document = forms.FileField(
        required=False,
        label="Policy document",
        help_text="PDF, Word (DOCX), HTML, plain text or Markdown.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_TYPES}),
    )
    text = forms.CharField(
        required=False,
        strip=False,  # offsets point into the text exactly as pasted
        label="…or paste the policy text",
        widget=forms.Textarea(attrs={"rows": 8, "placeholder": "Paste the whole privacy policy here"}),
    )

    def __init__(self, *args, upload_too_large: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.upload_too_large = upload_too_large

    def clean(self):
        data = super().clean()
        has_vendor, has_new = bool(data.get("vendor")), bool((data.get("new_vendor_name") or "").strip())
        if has_vendor == has_new:
            raise forms.ValidationError("Choose an existing vendor or name a new one (not both).")
        if self.upload_too_large:
            self.add_error("document", self.upload_too_large)
            return data
        has_file, has_text = bool(data.get("document")), bool((data.get("text") or "").strip())
        if has_file == has_text:
            raise forms.ValidationError("Upload a document or paste its text (one of the two).")
        return data
