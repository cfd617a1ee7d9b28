"""Placeholders that chat exporters write instead of a photo, sticker, voice note, ...

QQ and the WeChat exporters (MemoTrace/WeChatMsg, PyWxDump) put ``[图片]``, ``[表情]``,
``[语音]`` (or ``[Photo]``, ``[Sticker]``, ... in an English UI) where the media was; a
message that is only such a placeholder is an ``attachment`` of its speaker, not text.
"""

from __future__ import annotations

import regex

#: The words inside the brackets, Simplified, Traditional and English, as exporters write them.
ATTACHMENT_WORDS = (
    "图片", "圖片", "照片", "表情", "表情包", "動畫表情", "动画表情", "贴图", "貼圖", "语音",
    "語音", "视频", "視頻", "影片", "文件", "檔案", "音乐分享", "音樂分享", "链接", "連結",
    "位置", "名片", "红包", "紅包", "转账", "轉賬", "闪照", "閃照", "Photo", "Image",
    "Picture", "Sticker", "Emoji", "Voice", "Audio", "Video", "File", "Link", "Location",
    "Contact Card", "Red Packet", "Transfer",
)  # fmt: skip
#: A placeholder's note (a file name, a duration) is at most this long: a text longer than
#: :data:`bilingual.formats._draft.HOLD` is never a placeholder, so a long message's kind
#: is known before its first part is given out.
_MAX_NOTE = 1000
_ATTACHMENT = regex.compile(
    r"^\[(?:" + "|".join(ATTACHMENT_WORDS) + rf")(?:[:：\s][^\]\n]{{0,{_MAX_NOTE}}})?(?:消息)?\]$",
    regex.I,
)


def placeholder_kind(text: str) -> str | None:
    """``attachment`` when ``text`` is only a media placeholder, else None.

    >>> media = ("[图片]", "[視頻]", "[Sticker]", "[图片:a.jpg]", "[语音 7秒]")
    >>> [placeholder_kind(t) for t in media].count("attachment")
    5
    >>> placeholder_kind("[图片] 看這個"), placeholder_kind("[旺柴]")
    (None, None)
    """
    return "attachment" if _ATTACHMENT.match(text.strip()) else None
