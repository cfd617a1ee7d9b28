"""The lines WhatsApp writes in a message's place, in the UI languages it is most used in.

A message whose body is one of these is the speaker's ``attachment`` (media left out of
the export, a file attached) or a ``system`` line kept under the speaker (a deleted
message, a missed call). Every phrase was checked against a real source, named per
language in :data:`PHRASES`:

* ``android``: WhatsApp for Android's own string resources (``email_media_omitted``,
  ``email_file_attached``, ``revoked_msg_incoming``/``_outgoing``, ``missed_voice_call``,
  ``video_missed_call``), as collected in starkdmi/whats_json
  (``tool/patterns_generator/data/Android Strings/values-*/strings.xml``, commit 760b3a0);
* ``ios``: WhatsApp for iOS's localizable strings (``image omitted`` ... ``You deleted
  this message.``), same repository, ``tool/patterns_generator/data/iOS Localizables``;
* ``export``: a real export in that repository's ``test/data/languages`` (the Android
  string changed between versions: ``<Без медиафайлов>`` vs ``<Файл пропущен>``).

Matching ignores case and a final full stop; a file name may come before an iOS
"document omitted" (``Some file.txt \u200edocument omitted``).
"""

from __future__ import annotations

import unicodedata
from typing import Literal

import regex

Kind = Literal["attachment", "system"]

#: language -> (kind, phrases, where each was checked). ``%s`` stands for a file name.
PHRASES: dict[str, tuple[tuple[Kind, tuple[str, ...], str], ...]] = {
    "en": (
        ("attachment", ("<Media omitted>", "%s (file attached)"), "android"),
        (
            "attachment",
            (
                "image omitted",
                "video omitted",
                "audio omitted",
                "sticker omitted",
                "GIF omitted",
                "document omitted",
                "Contact card omitted",
            ),
            "ios",
        ),
        (
            "system",
            (
                "This message was deleted",
                "You deleted this message",
                "This message was deleted for everyone",
                "Missed voice call",
                "Missed video call",
                "Missed group voice call",
                "Missed group video call",
                "Waiting for this message. This may take a while.",
            ),
            "android+ios",
        ),
    ),
    "es": (
        ("attachment", ("<Archivo omitido>", "%s (archivo adjuntado)"), "android"),
        (
            "attachment",
            (
                "imagen omitida",
                "Video omitido",
                "audio omitido",
                "sticker omitido",
                "GIF omitido",
                "documento omitido",
                "Tarjeta de contacto omitida",
            ),
            "ios",
        ),
        (
            "system",
            (
                "Este mensaje fue eliminado",
                "Eliminaste este mensaje",
                "Se eliminó este mensaje",
                "Llamada de voz perdida",
                "Videollamada perdida",
                "Llamada perdida",
            ),
            "android+ios",
        ),
    ),
    "pt": (
        ("attachment", ("<Mídia omitida>", "%s (arquivo anexado)"), "android"),
        (
            "attachment",
            (
                "imagem ocultada",
                "vídeo omitido",
                "áudio ocultado",
                "figurinha omitida",
                "GIF omitido",
                "documento omitido",
                "Cartão do contato omitido",
                "imagem não revelada",
                "vídeo não revelado",
                "ficheiro de áudio não revelado",
                "sticker não revelado",
                "GIF não revelada",
                "documento não revelado",
                "Contacto não revelado",
            ),
            "ios (pt-BR, pt-PT)",
        ),
        (
            "system",
            (
                "Esta mensagem foi apagada",
                "Você apagou esta mensagem",
                "Mensagem apagada",
                "Apagou esta mensagem",
                "Chamada de voz perdida",
                "Chamada de vídeo perdida",
                "Videochamada perdida",
            ),
            "android+ios",
        ),
    ),
    "hi": (
        (
            "attachment",
            (
                "फ़ोटो हटाई गई",
                "वीडियो छोड़ा गया",
                "ऑडियो हटाई गयी",
                "स्टिकर छोड़ा गया",
                "GIF छोड़ा गया",
                "डॉक्यूमेंट छोड़ा गया",
                "कॉन्टैक्ट कार्ड छोड़ा गया",
            ),
            "ios",
        ),
        (
            "system",
            (
                "यह मैसेज डिलीट कर दिया गया है",
                "आपने यह मैसेज डिलीट किया",
                "वॉइस कॉल मिस हुई",
                "मिस्ड वीडियो कॉल",
            ),
            "ios",
        ),
    ),
    "id": (
        ("attachment", ("<Media tidak disertakan>", "%s (file terlampir)"), "android"),
        (
            "attachment",
            (
                "gambar tidak disertakan",
                "video tidak disertakan",
                "audio tidak disertakan",
                "stiker tidak disertakan",
                "GIF tidak disertakan",
                "dokumen tidak disertakan",
                "Kartu kontak tidak disertakan",
            ),
            "ios",
        ),
        (
            "system",
            (
                "Pesan ini telah dihapus",
                "Anda telah menghapus pesan ini",
                "Pesan ini dihapus",
                "Anda menghapus pesan ini",
                "Panggilan suara tak terjawab",
                "Panggilan video tak terjawab",
            ),
            "android+ios",
        ),
    ),
    "ar": (
        ("attachment", ("<تم استبعاد الوسائط>", "%s (الملف مرفق)"), "android"),
        (
            "attachment",
            (
                "لم يتم إدراج الصورة",
                "لم يتم إدراج الفيديوهات",
                "لم يتم إدراج المقاطع الصوتية",
                "تم حذف الملصقات",
                "لم يتم إدراج صورة GIF",
                "لم يتم إدراج المستند",
                "لم يتم إدراج بطاقة جهة اتصال",
            ),
            "ios",
        ),
        (
            "system",
            (
                "تم حذف هذه الرسالة",
                "أنت حذفت هذه الرسالة",
                "لقد حذَفت هذه الرسالة",
                "مكالمة صوتية فائتة",
                "مكالمة فيديو فائتة",
            ),
            "android+ios+export",
        ),
    ),
    "ru": (
        ("attachment", ("<Файл пропущен>", "%s (файл добавлен)"), "android"),
        ("attachment", ("<Без медиафайлов>",), "export"),
        (
            "attachment",
            (
                "изображение отсутствует",
                "видео отсутствует",
                "аудиофайл отсутствует",
                "стикер не добавлен",
                "GIF отсутствует",
                "документ отсутствует",
                "Карточка контакта отсутствует",
            ),
            "ios",
        ),
        (
            "system",
            (
                "Данное сообщение удалено",
                "Вы удалили данное сообщение",
                "Вы удалили это сообщение",
                "Пропущенный аудиозвонок",
                "Пропущенный видеозвонок",
            ),
            "android+ios",
        ),
    ),
    "de": (
        ("attachment", ("<Medien weggelassen>", "%s (Datei angehängt)"), "android"),
        (
            "attachment",
            (
                "Bild weggelassen",
                "Video weggelassen",
                "Audio weggelassen",
                "Sticker weggelassen",
                "GIF weggelassen",
                "Dokument weggelassen",
                "Kontaktkarte ausgelassen",
            ),
            "ios",
        ),
        (
            "system",
            (
                "Diese Nachricht wurde gelöscht",
                "Du hast diese Nachricht gelöscht",
                "Verpasster Sprachanruf",
                "Verpasster Videoanruf",
            ),
            "android+ios",
        ),
    ),
    "fr": (
        ("attachment", ("<Fichier omis>", "%s (fichier joint)"), "android"),
        (
            "attachment",
            (
                "image absente",
                "vidéo absente",
                "audio omis",
                "sticker omis",
                "GIF retiré",
                "document manquant",
                "Fiche contact manquante",
            ),
            "ios",
        ),
        (
            "system",
            (
                "Ce message a été supprimé",
                "Vous avez supprimé ce message",
                "Appel vocal manqué",
                "Appel vidéo manqué",
            ),
            "android+ios",
        ),
    ),
    "it": (
        ("attachment", ("<Media omesso>", "%s (file allegato)"), "android"),
        (
            "attachment",
            (
                "immagine omessa",
                "video omesso",
                "audio omesso",
                "sticker non incluso",
                "GIF esclusa",
                "documento omesso",
                "Scheda contatto omessa",
            ),
            "ios",
        ),
        (
            "system",
            (
                "Questo messaggio è stato eliminato",
                "Hai eliminato questo messaggio",
                "Chiamata vocale persa",
                "Videochiamata persa",
            ),
            "android+ios",
        ),
    ),
    "tr": (
        ("attachment", ("<Medya atlanmış>", "%s (dosya ekli)"), "android"),
        (
            "attachment",
            (
                "görüntü dahil edilmedi",
                "video dahil edilmedi",
                "ses dahil edilmedi",
                "Çıkartma dahil edilmedi",
                "GIF dahil edilmedi",
                "belge dahil edilmedi",
                "Kişi kartı dahil edilmedi",
            ),
            "ios",
        ),
        (
            "system",
            (
                "Bu mesaj silindi",
                "Bu mesajı sildiniz",
                "Cevapsız sesli arama",
                "Cevapsız görüntülü arama",
            ),
            "android+ios",
        ),
    ),
    "zh-Hans": (
        ("attachment", ("<省略多媒体文件>", "<省略影音内容>", "%s (文件附件)"), "android"),
        (
            "attachment",
            (
                "照片已忽略",
                "视频已忽略",
                "音频已忽略",
                "贴图已省略",
                "GIF 动态图已被忽略",
                "文档已省略",
                "联系人卡片已忽略",
                "图片已忽略",
            ),
            "ios",
        ),
        (
            "system",
            (
                "信息已删除",
                "您删除这个信息",
                "这条消息已被删除",
                "您已删除这条消息",
                "此消息已删除",
                "你删除了此消息",
                "未接语音通话",
                "未接视频通话",
            ),
            "android+ios",
        ),
    ),
    "zh-Hant": (
        (
            "attachment",
            (
                "<忽略多媒體檔>",
                "<已省略多媒體檔案>",
                "<媒體已略去>",
                "%s (附件檔案)",
                "%s (檔案已附加)",
            ),
            "android",
        ),
        (
            "attachment",
            (
                "圖像已省略",
                "影片已省略",
                "音訊已省略",
                "貼圖已忽略",
                "GIF 圖片已被省略",
                "文件已忽略",
                "聯絡人卡片已省略",
                "圖片已略去",
                "音訊已略去",
                "貼圖已略去",
                "影片已略去",
                "GIF 已略去",
                "文件已略去",
                "聯絡人卡片已略去",
            ),
            "ios (zh-Hant, zh-HK)",
        ),
        (
            "system",
            ("此訊息已刪除", "您已刪除此訊息", "你已刪除此訊息", "未接語音通話", "未接視像通話"),
            "android+ios",
        ),
    ),
    "ja": (
        ("attachment", ("<メディアは含まれていません>", "%s (添付ファイル有り)"), "android"),
        (
            "attachment",
            (
                "画像は含まれていません",
                "ビデオは含まれていません",
                "音声は含まれていません",
                "スタンプは含まれていません",
                "GIFは含まれていません",
                "ドキュメントは含まれていません",
                "連絡先カードを省略",
            ),
            "ios",
        ),
        (
            "system",
            (
                "このメッセージは削除されました",
                "このメッセージを削除しました",
                "不在着信",
                "音声通話不在着信",
                "ビデオ通話不在着信",
            ),
            "android+ios",
        ),
    ),
    "ko": (
        ("attachment", ("<미디어 파일을 생략한 대화내용>", "%s (파일 첨부됨)"), "android"),
        (
            "attachment",
            (
                "이미지 생략됨",
                "비디오 생략됨",
                "오디오 생략됨",
                "스티커 제외됨",
                "GIF 생략됨",
                "문서 생략됨",
                "연락처 카드 생략됨",
            ),
            "ios",
        ),
        (
            "system",
            ("이 메시지는 삭제되었습니다", "삭제한 메시지입니다", "부재중 전화", "부재중 영상통화"),
            "android+ios",
        ),
    ),
    "vi": (
        ("attachment", ("<Bỏ qua Media>", "%s (tệp đính kèm)"), "android"),
        (
            "attachment",
            (
                "đã bỏ qua hình ảnh",
                "đã bỏ video",
                "bỏ qua tệp âm thanh",
                "đã bỏ sticker",
                "Đã bỏ qua ảnh GIF",
                "đã bỏ qua tài liệu",
                "Bỏ qua thẻ liên lạc",
            ),
            "ios",
        ),
        (
            "system",
            (
                "Tin nhắn này đã bị xoá",
                "Bạn đã xoá tin nhắn này",
                "Tin nhắn này đã bị xóa",
                "Bạn đã xóa tin nhắn này",
                "Cuộc gọi nhỡ",
                "Cuộc gọi nhỡ video",
            ),
            "android+ios",
        ),
    ),
    "th": (
        ("attachment", ("<สื่อถูกลบ>",), "android"),
        (
            "attachment",
            (
                "ไม่มีรูปภาพ",
                "วิดีโอถูกลบ",
                "ไม่มีไฟล์เสียง",
                "ไม่มีสติกเกอร์",
                "ละเว้น GIF",
                "ละเว้นเอกสาร",
                "บัตรรายชื่อที่ละเว้น",
            ),
            "ios",
        ),
        (
            "system",
            (
                "ข้อความนี้ได้ถูกลบ",
                "คุณลบข้อความนี้",
                "ข้อความนี้ถูกลบแล้ว",
                "คุณได้ลบข้อความนี้",
                "สายที่ไม่ได้รับ",
                "วิดีโอคอลที่ไม่ได้รับ",
            ),
            "android+ios",
        ),
    ),
    "uk": (
        ("attachment", ("<Медіа пропущено>",), "android"),
        (
            "attachment",
            (
                "зображення відсутнє",
                "відео відсутнє",
                "аудіо відсутнє",
                "Наклейку не додано",
                "GIF-анімацію пропущено",
                "документ пропущено",
                "Картка контакту відсутня",
            ),
            "ios",
        ),
        (
            "system",
            (
                "Це повідомлення було видалено",
                "Ви видалили це повідомлення",
                "Пропущений аудіодзвінок",
                "Пропущений відеодзвінок",
            ),
            "android+ios",
        ),
    ),
    "nl": (
        ("attachment", ("<Media weggelaten>", "%s (bestand bijgevoegd)"), "android+export"),
        ("system", ("Dit bericht is verwijderd", "U hebt dit bericht verwijderd"), "android+ios"),
    ),
    "cs": (
        (
            "attachment",
            (
                "<Média vynechány>",
                "%s (soubor byl přiložen)",
                "obrázek vynechán",
                "video vynecháno",
                "zvukový soubor vynechán",
                "Vizitka vynechána",
                "nálepka vynechána",
                "dokument vynechán",
                "GIF vynechán",
            ),
            "export",
        ),
        (
            "system",
            (
                "Tato zpráva byla odstraněna",
                "Tuto zprávu jste smazal/a",
                "Tato zpráva byla smazána",
            ),
            "android+export",
        ),
    ),
}


#: The first words of the end-to-end encryption notice an export opens with (the app's
#: line, no speaker), as real exports in whats_json's ``test/data/languages`` write them.
NOTICES = (
    "Messages and calls are end-to-end encrypted",
    "Los mensajes y las llamadas están cifrados de extremo a extremo",
    "As mensagens e chamadas são encriptadas ponto a ponto",
    "मैसेजेस और कॉल्स एंड-टू-एंड एन्क्रिप्टेड हैं",
    "Pesan dan panggilan terenkripsi secara end-to-end",
    "الرسائل والمكالمات مشفرة تمامًا بين الطرفين",
    "Сообщения и звонки защищены сквозным шифрованием",
    "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt",
    "Les messages et les appels sont chiffrés de bout en bout",
    "I messaggi e le chiamate sono crittografati end-to-end",
    "メッセージと通話はエンドツーエンド暗号化されています",
    "Tin nhắn và cuộc gọi được mã hóa đầu cuối",
    "ข้อความและการโทรได้รับการเข้ารหัสจากต้นทางถึงปลายทาง",
    "Повідомлення й дзвінки захищено наскрізним шифруванням",
    "Berichten en oproepen worden end-to-end versleuteld",
    "Zprávy a hovory jsou opatřeny koncovým šifrováním",
    "Zprávy a hovory jsou zabezpečeny koncovým šifrováním",
)


def _key(text: str) -> str:
    """A phrase or body as looked up: NFC (a precomposed ड़, U+095C, in an export matches
    the table's), case-folded, without surrounding spaces or a final full stop."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.strip().rstrip(".。").casefold()


def _table(kind: Kind, *, file: bool) -> frozenset[str]:
    """The keys of ``kind``'s phrases: whole phrases, or (``file``) what follows ``%s ``."""
    phrases = (p for rows in PHRASES.values() for k, ps, _ in rows if k == kind for p in ps)
    if file:
        return frozenset(_key(p[3:]) for p in phrases if p.startswith("%s "))
    return frozenset(_key(p) for p in phrases if "%s" not in p)


_ATTACHMENTS = _table("attachment", file=False)
_FILE_SUFFIXES = _table("attachment", file=True)  # ``(file attached)``
_SYSTEMS = _table("system", file=False)
_LONGEST = max(len(p) for p in _ATTACHMENTS | _SYSTEMS | _FILE_SUFFIXES)
_NOTICE_KEYS = tuple(_key(n) for n in NOTICES)
_FILE = regex.compile(r"^\S.{0,200}? (\([^()]{1,40}\))$")


def is_notice(text: str) -> bool:
    """True when ``text`` opens with the end-to-end encryption notice, in any language.

    >>> is_notice("Сообщения и звонки защищены сквозным шифрованием. Третьи..."), is_notice("Hi")
    (True, False)
    """
    return _key(text[:80]).startswith(_NOTICE_KEYS)


def kind_of(text: str) -> Kind | None:
    """``attachment`` or ``system`` when a message body is WhatsApp's own line, else None.

    A set look-up of the whole body, of what follows its last bidi mark (iOS puts one
    before the phrase, after a file name or page count), or of a ``(file attached)`` tail.

    >>> kind_of("изображение отсутствует"), kind_of("Some file.txt \\u200edocument omitted")
    ('attachment', 'attachment')
    >>> kind_of("IMG-1.jpg (file attached)"), kind_of("此訊息已刪除")
    ('attachment', 'system')
    >>> kind_of("画像は含まれていません"), kind_of("このメッセージを削除しました。")
    ('attachment', 'system')
    >>> kind_of("The image omitted here was mine"), kind_of("Missed voice call")
    (None, 'system')
    """
    mark = max(text.rfind("\u200e"), text.rfind("\u200f"))
    tail = text[mark + 1 :]
    if len(tail) > _LONGEST + 2:
        return None
    key = _key(tail)
    if key in _ATTACHMENTS:
        return "attachment"
    if key in _SYSTEMS and mark < 0:
        return "system"
    # _FILE ends in ")" (``$``: maybe before a final newline): skip its scan otherwise
    closed = text.endswith((")", ")\n"))
    file = _FILE.match(text) if len(text) < 250 and closed else None
    if file is not None and _key(file[1]) in _FILE_SUFFIXES:
        return "attachment"
    return None
