"""Song-like lyrics in the languages whose lyrics files are most often not UTF-8, to encode in
their legacy encodings (GBK, Big5, Shift-JIS, EUC-KR, Windows-1251, Windows-1252): the decoder
must give back exactly this text."""

from __future__ import annotations

ZH_HANS = """夜晚天上闪亮的星星
它的光走了很多年
穿过寒冷的宇宙
来到我们的眼前
原子在轻轻跳舞
电子围着它转圈
我们都是星星的孩子
身体里有宇宙的碎片
问一问月亮为什么圆
问一问太阳为什么热
科学告诉我们答案
让我们一起唱这首歌"""

ZH_HANT = """夜晚天上閃亮的星星
它的光走了很多年
穿過寒冷的宇宙
來到我們的眼前
原子在輕輕跳舞
電子圍著它轉圈
我們都是星星的孩子
身體裡有宇宙的碎片
問一問月亮為什麼圓
問一問太陽為什麼熱
科學告訴我們答案
讓我們一起唱這首歌"""

JA = """夜空に光る星たちは
遠い昔の光だよ
宇宙の海を旅して
今夜ぼくらに届いた
原子はいつも踊ってる
電子がくるくる回ってる
ぼくらはみんな星の子
体の中に宇宙がある
月はどうして丸いのか
太陽はなぜ熱いのか
科学がそっと教えてくれる
さあ一緒に歌おうよ"""

KO = """밤하늘에 빛나는 별들은
아주 오래전의 빛이래요
차가운 우주를 건너서
오늘 밤 우리에게 왔어요
원자는 언제나 춤을 추고
전자는 빙글빙글 돌아요
우리는 모두 별의 아이들
몸속에 우주가 있어요
달은 왜 둥글까요
해는 왜 뜨거울까요
과학이 살며시 알려 줘요
자 함께 노래해요"""

RU = """Ночью в небе светят звёзды
Их свет летел к нам много лет
Сквозь холодный тёмный космос
Он принёс нам свой привет
Атомы всегда танцуют
Электроны кружат в такт
Все мы дети звёздной пыли
Это просто научный факт
Почему луна круглая
Почему так жарко днём
Нам наука всё расскажет
Эту песню мы споём"""

#: Three SubRip cues of Spanish with everything Windows-1252 has and latin-1 has not.
ES_SUBRIP = """1
00:00:01,000 --> 00:00:03,500
¿Qué es la luz? Una canción

2
00:00:04,000 --> 00:00:06,500
“Cuesta 5 €”, dijo el fotón

3
00:00:07,000 --> 00:00:09,500
la atención que nos da razón
"""


def lrc(text: str, title: str) -> str:
    """``text`` as an LRC file: a title tag, then each line stamped 4 s after the one before."""
    stamped = (
        f"[{i * 4 // 60:02d}:{i * 4 % 60:02d}.50]{line}" for i, line in enumerate(text.splitlines())
    )
    return "\n".join([f"[ti:{title}]", *stamped]) + "\n"
