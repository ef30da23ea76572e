from kupferstadt.feeds import PageListingFeed


class NoticeFeed(PageListingFeed):
    """Current notices of a Pinnwand, newest first, with the board's filters applied."""

    def __init__(self, pinnwand, notices, atom=False):
        notices = notices.order_by("-valid_from", "-first_published_at").for_listing()
        super().__init__(pinnwand, notices, atom=atom)
