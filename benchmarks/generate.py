"""Generate large, realistic canonical regulation files for benchmarks.

Usage as a script: `python benchmarks/generate.py 5000 -o /tmp/big.md [--seed 1] [--language en]`.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from regdraft.core.model import POINT_LETTERS, Kind, noun, to_roman

_SUBJECTS = (
    "Ban Chấp hành Đảng bộ tỉnh", "Ban Thường vụ Tỉnh ủy", "Thường trực Tỉnh ủy",
    "Bí thư Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
    "Văn phòng Tỉnh ủy", "các ban xây dựng Đảng", "các huyện ủy, thị ủy, thành ủy",
    "Đảng đoàn Hội đồng nhân dân tỉnh", "Ban cán sự đảng Ủy ban nhân dân tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các đồng chí Tỉnh ủy viên",
)
_VERBS = (
    "lãnh đạo, chỉ đạo việc thực hiện", "chuẩn bị nội dung và trình", "quyết định những vấn đề về",
    "kiểm tra, giám sát việc chấp hành", "báo cáo định kỳ kết quả thực hiện",
    "tham mưu, đề xuất với Ban Thường vụ về", "phối hợp chặt chẽ trong việc triển khai",
    "cụ thể hóa và tổ chức quán triệt", "sơ kết, tổng kết, rút kinh nghiệm về",
)
_OBJECTS = (
    "các nghị quyết, chỉ thị, quy định của Trung ương và của Tỉnh ủy",
    "công tác tổ chức, cán bộ và quản lý đảng viên", "chương trình công tác toàn khóa và hằng năm",
    "công tác kiểm tra, giám sát và thi hành kỷ luật đảng", "nhiệm vụ phát triển kinh tế - xã hội",
    "công tác quốc phòng, an ninh và đối ngoại", "công tác dân vận và xây dựng khối đại đoàn kết",
    "việc phòng, chống tham nhũng, lãng phí, tiêu cực", "chế độ thông tin, báo cáo theo quy định",
)
_TAILS = (
    "theo quy định của Điều lệ Đảng", "bảo đảm đúng nguyên tắc tập trung dân chủ",
    "trong phạm vi nhiệm vụ, quyền hạn được giao", "và chịu trách nhiệm trước Ban Chấp hành",
    "theo Quy chế làm việc và chương trình công tác", "kịp thời, đầy đủ, chính xác",
)
_TITLES = (
    "Trách nhiệm, quyền hạn của {s}", "Chế độ làm việc của {s}", "Quan hệ công tác với {s}",
    "Nhiệm vụ của {s}", "Chế độ thông tin, báo cáo của {s}", "Kiểm tra, giám sát đối với {s}",
)
_CHAPTER_TITLES = (
    "NHỮNG QUY ĐỊNH CHUNG", "TRÁCH NHIỆM, QUYỀN HẠN CỦA CÁC TẬP THỂ", "CHẾ ĐỘ LÀM VIỆC",
    "QUAN HỆ CÔNG TÁC", "TRÁCH NHIỆM CỦA CÁ NHÂN", "KIỂM TRA, GIÁM SÁT", "ĐIỀU KHOẢN THI HÀNH",
)
# The first nine point letters (a to i, with đ and without f): points stay short in a generated article.
_POINTS = POINT_LETTERS[:9]


def _sentence(rng: random.Random, end: str = ".") -> str:
    text = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}"
    return text[0].upper() + text[1:] + end


def _article(rng: random.Random, number: int, language: str, depth: int) -> list[str]:
    """The blocks of one article: heading, optional lead-in, clauses with points and dashes."""
    title = rng.choice(_TITLES).format(s=rng.choice(_SUBJECTS))
    blocks = [f"{'#' * depth} {noun(Kind.ARTICLE, language)} {number}. {title}"]
    if rng.random() < 0.3:
        blocks.append(_sentence(rng, ":"))
    for clause in range(1, rng.randint(2, 5) + 1):
        with_points = rng.random() < 0.35
        blocks.append(f"{clause}\\. {_sentence(rng, ':' if with_points else '.')}")
        if with_points:
            for letter in _POINTS[: rng.randint(2, 5)]:
                label = "dd" if letter == "đ" and language == "en" else letter
                blocks.append(f"{label}) {_sentence(rng, ';')}")
        elif rng.random() < 0.15:
            blocks.append("\n".join(f"- {_sentence(rng, ';')}" for _ in range(rng.randint(2, 3))))
    return blocks


def generate(n_articles: int, seed: int = 0, language: str = "vi") -> str:
    """A canonical regulation with `n_articles` articles in chapters of 6-10, some with sections."""
    rng = random.Random(seed)
    head = [
        "---", "id: BENCH-QC/TU", f"type: {'Quy chế' if language == 'vi' else 'Regulation'}",
        "title: Quy chế làm việc dùng để đo hiệu năng", f"language: {language}",
        "issuer: TỈNH ỦY ĐIỆN BIÊN", "signed: 2021-01-09", "---",
    ]
    blocks = ["Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", _sentence(rng, ",")]
    number = 0
    chapter = 0
    while number < n_articles:
        chapter += 1
        size = min(rng.randint(6, 10), n_articles - number)
        blocks.append(f"# {noun(Kind.CHAPTER, language)} {to_roman(chapter)}. {rng.choice(_CHAPTER_TITLES)}")
        sections = 2 if size >= 8 and rng.random() < 0.3 else 0
        for i in range(size):
            if sections and i in (0, size // 2):
                blocks.append(f"## {noun(Kind.SECTION, language)} {1 if i == 0 else 2}. {rng.choice(_CHAPTER_TITLES)}")
            number += 1
            blocks.extend(_article(rng, number, language, 3 if sections else 2))
    return "\n".join(head) + "\n\n" + "\n\n".join(blocks) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Write a generated regulation to a file (or stdout)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("articles", type=int)
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--language", choices=("vi", "en"), default="vi")
    args = parser.parse_args(argv)
    text = generate(args.articles, args.seed, args.language)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output} ({len(text):,} characters)")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
