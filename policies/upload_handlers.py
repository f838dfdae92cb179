from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class SizeLimitedUploadHandler(FileUploadHandler):
    """Refuses a file as soon as it passes the size limit, while it streams in.

    It runs before Django's memory and temporary-file handlers, so an oversized upload is
    never held in memory or written to disk whole. The rest of the form (CSRF token, vendor)
    is still parsed, so the page can say what went wrong; the view reads
    ``request.upload_too_large``.
    """

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.POLICYLENS_MAX_UPLOAD_BYTES:
            self.request.upload_too_large = True
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler builds the file object
