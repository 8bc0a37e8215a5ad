"""Data for the reply guards, kept apart from the code that uses it: unit words, written-out numbers,
commitment phrases and instruction cues in the 14 chat languages.

Every entry is a regular-expression fragment matched on casefolded, NFKC-normalised text. Latin and Cyrillic
fragments are matched at word starts (a stem such as "дн" catches "дней", "дня"); CJK, Korean and Arabic
fragments anywhere, because those scripts glue words and particles ("5일", "1毫秒", "بالمئة").
To support a new unit or phrase, add it here; the tests in tests/unit/chat/test_chat_reply_checks.py show the
expected behaviour in every script.
"""

from __future__ import annotations

# --- quantities ----------------------------------------------------------------------------------------------

# Unit class -> words/symbols written AFTER a number. Classes are compared, not spellings: "5 days" in an
# English source grounds "5일" in a Korean reply, and "3 weeks" never grounds "3 months".
UNITS_AFTER: dict[str, tuple[str, ...]] = {
    "ms": ("ms", "msec", "millisecond", "milliseconds", "milisegundos?", "millisecondes?", "millisekunden?",
           "millisecondi", "milissegundos?", "milliseconden", "milisekund[ay]?", "мс", "миллисекунд",
           "milisaniye", "ميلي ?ثانية", "毫秒", "ミリ秒", "밀리초"),
    "hz": ("hz", "hertz", "герц", "гц", "赫兹", "赫", "ヘルツ", "헤르츠", "هرتز"),
    "nits": ("nits?", "cd/m²", "cd/m2", "кд/м²", "кд/м2", "нит", "尼特", "ニト", "니트", "شمعة"),
    "inch": ('"', "″", "''", "inch", "inches", "pulgadas?", "pouces?", "zoll", "pollici", "polegadas?",
             "inch(?:es)?", "cal[ie]?", "дюйм", "inç", "بوصة", "إنش", "英寸", "寸", "インチ", "型", "인치"),
    "cm": ("cm", "см", "厘米", "センチ", "센티"),
    "mm": ("mm", "мм", "毫米", "ミリ(?!秒)", "밀리(?!초)"),
    "kg": ("kg", "kilos?", "kilogram(?:s|os|mes|me|m|ma|mi)?", "кг", "килограмм", "公斤", "千克", "キロ", "킬로",
           "كجم", "كغ", "كيلو"),
    "g": ("g", "gr", "grams?", "gramos?", "grammes?", "gramm", "grammi", "gramas?", "gram(?:y|ów)?", "г", "грамм",
          "克", "グラム", "그램", "غرام", "جرام"),
    "w": ("w", "watts?", "vatios?", "ватт?", "вт", "瓦", "ワット", "와트", "واط", "وات"),
    "mah": ("mah", "мач", "毫安时", "毫安"),
    "v": ("v", "volts?", "voltios?", "вольт", "伏", "ボルト", "볼트", "فولت"),
    "gb": ("gb", "tb", "гб", "тб"),
    "percent": ("%", "％", "percent", "per ?cent", "por ?ciento", "pour ?cent", "prozent", "per ?cento",
                "por ?cento", "procent", "процент", "パーセント", "퍼센트", "في المائة", "بالمئة", "٪"),
    "hour": ("h", "hrs?", "hours?", "horas?", "heures?", "stunden?", "ore", "uur", "godzin", "час", "saat",
             "ساعة", "ساعات", "小时", "時間", "시간"),
    "day": ("days?", "business days?", "working days?", "d[ií]as?(?: h[aá]biles| [uú]teis)?", "jours?(?: ouvrés)?",
            "tagen?", "werktagen?", "giorni(?: lavorativi)?", "dagen?", "werkdagen", "dni", "dzie[nń]", "дн",
            "день", "gün", "يوم", "أيام", "ايام", "天", "日", "日間", "営業日", "일", "영업일"),
    "week": ("weeks?", "semanas?", "semaines?", "wochen?", "settimane?", "weken?", "tygodni\\w*", "tydzie[nń]",
             "недел", "hafta", "أسبوع", "أسابيع", "周", "星期", "週間", "週", "주(?!문|소|요)"),
    "month": ("months?", "meses", "mes", "mois", "monate?n?", "mesi", "mese", "maanden?", "miesi[aąę]c\\w*", "месяц",
              "ay", "شهر", "أشهر", "شهور", "个月", "個月", "月", "ヶ月", "か月", "カ月", "개월", "달"),
    "year": ("years?", "años?", "ans?", "années?", "jahre?n?", "anni", "anno", "anos?", "jaar", "jaren", "lat",
             "rok", "год", "лет", "yıl", "سنة", "سنوات", "عام", "年", "년"),
    "money": ("usd", "eur", "gbp", "jpy", "cny", "rmb", "krw", "try", "pln", "rub", "brl", "chf", "cad", "aud",
              "\\$", "€", "£", "¥", "￥", "₩", "₺", "zł", "₽", "dollars?", "d[oó]lar(?:es|y|ów)?", "euros?",
              "dollaro", "dólares", "долл", "евро", "рубл", "złot", "美元", "元", "欧元", "日元", "円", "ドル", "ユーロ",
              "달러", "유로", "원", "دولار", "يورو"),
}

# Words/symbols written BEFORE a number ("$45", "€ 45", "US$ 45", "%50" in Turkish, "yüzde 50").
UNITS_BEFORE: dict[str, tuple[str, ...]] = {
    "money": ("us\\$", "r\\$", "\\$", "€", "£", "¥", "￥", "₩", "₺", "₽", "usd", "eur", "gbp"),
    "percent": ("%", "％", "yüzde", "百分之"),
}

# Written-out numbers that buyers and models use with units ("three weeks", "tres semanas", "三周").
NUMBER_WORDS: dict[str, int] = {
    # en
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "a hundred": 100, "hundred": 100,
    # es / pt / it / fr
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30, "cien": 100,
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "sete": 7, "oito": 8, "nove": 9, "dez": 10,
    "catorze": 14, "quinze": 15, "vinte": 20, "trinta": 30, "cem": 100,
    "due": 2, "tre": 3, "quattro": 4, "sei": 6, "sette": 7, "otto": 8, "dieci": 10, "dodici": 12,
    "quindici": 15, "venti": 20, "trenta": 30, "cento": 100,
    "deux": 2, "trois": 3, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "douze": 12,
    "vingt": 20, "trente": 30,
    # de / nl
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "zwölf": 12, "vierzehn": 14, "zwanzig": 20, "dreißig": 30, "hundert": 100,
    "een": 1, "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "zeven": 7, "negen": 9, "tien": 10, "twaalf": 12,
    "veertien": 14, "twintig": 20, "dertig": 30, "honderd": 100,
    # pl / ru / tr
    "jeden": 1, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6, "siedem": 7, "osiem": 8,
    "dziesięć": 10, "czternaście": 14, "trzydzieści": 30, "sto": 100,
    "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "десять": 10, "четырнадцать": 14, "тридцать": 30,
    "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "пяти": 5, "десяти": 10,
    "dwóch": 2, "trzech": 3, "czterech": 4, "pięciu": 5, "dziesięciu": 10,
    "bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8, "on dört": 14, "otuz": 30, "yüz": 100,
    # ar
    "واحد": 1, "اثنان": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "خمسة": 5, "سبعة": 7, "عشرة": 10, "ثلاثين": 30,
    # zh / ja (kanji numerals) and ko (native and Sino-Korean counting words)
    "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    "十四": 14, "三十": 30, "百": 100,
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "일곱": 7, "삼": 3, "사": 4, "오": 5, "칠": 7, "십": 10,
    "십사": 14, "삼십": 30,
}
# Written-out numbers count only before these classes: "one of the monitors" is not a quantity.
NUMBER_WORD_UNITS = ("day", "week", "month", "year", "hour", "percent")

# --- commitments ---------------------------------------------------------------------------------------------

# Promises only the refund flow / policy engine may make. A reply that contains one of these is not sent
# (flag "unmade_promise") unless the same words stand in the sources the model was given. The warranty itself
# (warranty, garantie, Garantie, garantía, гарантия, 保修, 보증…) is a fact, not a promise: not listed.
PROMISES: dict[str, tuple[str, ...]] = {
    "en": ("approved", "guaranteed", "we guarantee", "we(?:'ll| will) (?:refund|reimburse|replace|send you a (?:new|free))",
           "will be (?:refunded|reimbursed|paid|credited|replaced)", "refund (?:is|has been) (?:approved|issued)",
           "you(?:'ll| will) (?:get|receive) (?:a |your )?(?:full )?(?:refund|reimbursement|money back)",
           "reimburse(?:ment|d)?", "no (?:need to )?return (?:is )?(?:needed|required|necessary)",
           "(?:keep|no need to return) the (?:item|product|monitor)", "discount", "voucher", "coupon",
           "promo code", "free replacement", "store credit", "compensation", "money back"),
    "es": ("garantizamos", "aprobad[oa]", "garantizad[oa]", "le reembolsaremos", "te reembolsaremos", "ser[aá] reembolsad[oa]",
           "se le pagar[aá]", "reembolso aprobado", "sin necesidad de devolver", "no (?:es necesario|hace falta) devolver",
           "descuento", "cup[oó]n", "vale de compra", "reemplazo gratuito", "sustituci[oó]n gratuita", "compensaci[oó]n"),
    "fr": ("approuvé", "accordé", "nous garantissons", "c'est garanti", "nous vous rembourserons", "sera remboursé", "vous sera versé",
           "sans retour", "pas besoin de (?:le )?renvoyer", "remise", "réduction", "bon d'achat", "coupon",
           "code promo", "remplacement gratuit", "dédommagement", "indemnisation"),
    "de": ("wir garantieren", "genehmigt", "garantiert", "wir erstatten", "wird (?:ihnen )?erstattet", "wird (?:ihnen )?ausgezahlt",
           "rückerstattung (?:ist|wurde) (?:genehmigt|veranlasst)", "keine rücksendung (?:nötig|erforderlich)",
           "rabatt", "gutschein", "kostenloser ersatz", "gutschrift", "entschädigung"),
    "it": ("garantiamo", "approvat[oa]", "garantit[oa]", "la rimborseremo", "ti rimborseremo", "sarà rimborsat[oa]",
           "le sarà pagat[oa]", "senza bisogno di restituire", "non (?:è necessario|serve) restituire", "sconto",
           "buono", "coupon", "codice promozionale", "sostituzione gratuita", "risarcimento"),
    "pt": ("garantimos", "aprovad[oa]", "garantid[oa]", "vamos reembolsar", "ser[aá] reembolsad[oa]", "ser[aá] pag[oa]",
           "reembolso aprovado", "sem necessidade de devolver", "não (?:é necessário|precisa) devolver", "desconto",
           "cupom", "cupão", "vale-compras", "substituição gratuita", "troca grátis", "indenização"),
    "nl": ("wij garanderen", "goedgekeurd", "gegarandeerd", "wij betalen (?:u|je) terug", "wordt terugbetaald", "wordt uitbetaald",
           "niet (?:terug )?(?:te )?sturen", "hoeft niet terug", "korting", "tegoedbon", "waardebon", "coupon",
           "gratis vervanging", "compensatie", "vergoeding"),
    "pl": ("gwarantujemy", "zatwierdzon", "zaakceptowan", "gwarantowan", "zwrócimy", "zostanie zwrócon", "zostanie wypłacon",
           "bez (?:konieczności )?zwrotu", "nie trzeba odsyłać", "rabat", "zniżk", "kupon", "bon podarunkowy", "kod promocyjny",
           "darmow[ay] wymian", "rekompensat", "odszkodowan"),
    "ru": ("гарантируем", "одобрен", "гарантирован", "мы вернём", "мы вернем", "будут возвращ", "будет возвращ", "будет выплачен",
           "будут выплачен", "возвращать не нужно", "без возврата", "скидк", "купон", "ваучер", "промокод",
           "бесплатн[аоу]\\w* замен", "компенсац"),
    "tr": ("onaylandı", "onaylanmıştır", "garanti ediyoruz", "iade edeceğiz", "iade edilecek",
           "ödenecek", "iade etmenize gerek yok", "geri göndermenize gerek yok", "indirim", "kupon", "hediye çeki",
           "promosyon kodu", "ücretsiz değişim", "tazminat"),
    "ar": ("نضمن", "تمت الموافقة", "موافق عليه", "مضمون", "سنعيد لك", "سيتم استرداد", "سيتم الدفع", "سيتم تعويض",
           "لا حاجة لإرجاع", "دون إرجاع", "خصم", "قسيمة", "كوبون", "رمز ترويجي", "استبدال مجاني", "تعويض"),
    "zh": ("已批准", "已同意", "保证", "我们会退款", "将退款", "将被退还", "将支付", "无需退货", "不用退回", "折扣", "优惠券",
           "代金券", "优惠码", "免费更换", "赔偿", "补偿"),
    "ja": ("承認されました", "承認済み", "保証します", "返金いたします", "返金します", "返金されます", "支払われます",
           "返品は不要", "返送不要", "割引", "クーポン", "バウチャー", "プロモコード", "無料交換", "補償", "賠償"),
    "ko": ("승인되었", "승인됐", "보장합니다", "보장됩니다", "환불해 드리", "환불해드리", "환불될 예정", "환불됩니다",
           "지급될", "반품하지 않으셔도", "반품할 필요", "할인", "쿠폰", "바우처", "프로모션 코드", "무료 교환", "보상"),
}

# --- instructions hidden in buyer text or documents ----------------------------------------------------------

# Phrases that tell the assistant what to write. A buyer's message or a document that contains one carries an
# instruction; its quoted payload must never turn up in a reply.
INSTRUCTION_CUES: tuple[str, ...] = (
    "owner'?s note", "note to (?:the )?(?:assistant|bot|ai|model)", "(?:close|end|finish|start|begin) your (?:reply|answer|response) with",
    "(?:reply|answer|respond) (?:only )?with", "tell (?:the )?(?:buyer|customer) that", "(?:say|write) (?:exactly|that)",
    "nota del (?:dueño|propietario)", "termina tu respuesta con", "responde (?:solo )?con",
    "note du propriétaire", "termine ta réponse par", "terminez votre réponse par",
    "hinweis des (?:inhabers|eigentümers)", "beende deine antwort mit", "beenden sie ihre antwort mit",
    "nota del proprietario", "termina la (?:tua )?risposta con", "nota do (?:dono|proprietário)",
    "termine (?:a sua|sua) resposta com", "notitie van de eigenaar", "eindig je antwoord met",
    "notatka właściciela", "zakończ odpowiedź", "примечание владельца", "закончи(?:те)? (?:свой )?ответ",
    "sahibin notu", "yanıtını .{0,20}ile bitir", "ملاحظة المالك", "اختم ردك", "店主备注", "以.{0,20}结束你的回复",
    "回复结尾", "オーナーからのメモ", "返信の最後に", "주인 메모", "답변 끝에", "답변을 .{0,20}로 끝내",
)

# Overrides and fake privileges, in the 14 languages ("ignore all previous instructions", "you are in admin mode",
# "[SYSTEM]"): what an attacker writes to turn a buyer's message into orders. Also instruction cues.
INSTRUCTION_CUES += (
    r"(?:ignore|disregard|forget) (?:all |any )?(?:the )?(?:previous|prior|above|earlier)", r"admin(?:istrator)? mode",
    r"\[(?:system|admin|sys|developer)\]", r"(?:^|\s)system\s*:", r"act as (?:an? )?(?:admin|administrator|developer)",
    r"ignora (?:todas )?las instrucciones", r"modo (?:de )?admin(?:istrador)?", r"\[sistema\]",
    r"ignore[rz]? (?:toutes )?(?:les )?instructions", r"mode (?:admin|administrateur)", r"\[système\]",
    r"ignorier(?:e|en sie)? (?:alle )?(?:vorherigen )?anweisungen", r"admin-?modus", r"\[admin\]",
    r"ignora (?:tutte )?le istruzioni", r"modalità (?:admin|amministratore)",
    r"ignore (?:todas )?as instruções", r"modo admin",
    r"negeer (?:alle )?(?:eerdere |vorige )?instructies", r"beheerdersmodus",
    r"zignoruj (?:wszystkie )?(?:poprzednie )?(?:instrukcje|polecenia)", r"tryb(?:ie)? (?:admina|administratora)",
    r"игнорируй\w*", r"забудь\w* (?:все )?(?:предыдущие )?инструкци", r"режим\w* (?:админ\w*|администратор\w*)",
    r"talimatları (?:yok say|görmezden gel|unut)", r"yönetici modu", r"admin modu",
    r"تجاهل", r"وضع (?:المسؤول|المدير|الأدمن)", r"\[النظام\]",
    r"忽略(?:之前|以上|前面)?(?:所有|全部)?(?:的)?(?:指令|指示|说明|规则)", r"管理员模式", r"【系统】", r"\[系统\]",
    r"指示(?:は|を)(?:すべて|全て)?無視", r"管理者モード", r"【システム】",
    r"지시(?:는|를|사항을)? (?:모두 )?무시", r"관리자 모드", r"\[시스템\]",
)

# Greetings a buyer opens with: nothing in them tells the retriever which document answers the question.
GREETINGS: tuple[str, ...] = (
    "hi", "hello", "hey", "hiya", "good (?:morning|afternoon|evening)", "dear (?:sir|madam|team|support)",
    "hola", "buenos días", "buenas(?: tardes| noches)?", "bonjour", "bonsoir", "salut", "coucou",
    "hallo", "guten (?:tag|morgen|abend)", "servus", "moin", "ciao", "salve", "buongiorno", "buonasera",
    "olá", "ola", "oi", "bom dia", "boa (?:tarde|noite)", "hoi", "goedemiddag", "goedemorgen", "dag",
    "dzień dobry", "cześć", "witam", "здравствуйте", "привет", "добрый (?:день|вечер)", "доброе утро",
    "merhaba", "selam", "iyi günler", "مرحبا", "السلام عليكم", "أهلا", "你好", "您好", "哈喽",
    "こんにちは", "こんばんは", "すみません", "안녕하세요", "안녕",
)

# Negation markers per language, matched on casefolded text (Latin/Cyrillic as whole words; CJK, kana, Hangul and
# Arabic anywhere). Used to see that "we refunded" came out as "we did not refund" in a translation, and that a
# document's sentence says what a shop does NOT accept. Turkish negates inside the verb (-me/-ma): its common
# negative endings are listed as word parts.
NEGATIONS: dict[str, tuple[str, ...]] = {
    "en": ("not", "no", "never", "cannot", "can't", "don't", "doesn't", "didn't", "won't", "isn't", "aren't",
           "wasn't", "weren't", "haven't", "hasn't", "none", "neither", "nor"),
    "es": ("no", "nunca", "jamás", "ningún", "ninguna", "ninguno", "nada", "ni", "tampoco"),
    "fr": ("pas", "jamais", "aucun", "aucune", "rien", "ni", "non"),
    "de": ("nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "nichts", "weder"),
    "it": ("non", "mai", "nessun", "nessuna", "nessuno", "niente", "nulla", "né"),
    "pt": ("não", "nunca", "nenhum", "nenhuma", "nada", "nem", "jamais"),
    "nl": ("niet", "geen", "nooit", "niets", "noch"),
    "pl": ("nie", "nigdy", "żaden", "żadna", "żadne", "żadnych", "nic", "ani"),
    "ru": ("не", "нет", "никогда", "ни", "ничего", "никакой", "никаких"),
    "tr": ("değil", "yok", "hiç", "hiçbir", "asla"),
    "ar": ("لا", "لم", "لن", "ليس", "ليست", "غير", "بدون", "أبدا", "أبدًا"),
    "zh": ("不", "没", "沒", "未", "别", "別"),  # not 无/非: "无线" is wireless, "非常" very
    "ja": ("ない", "ません", "なし", "無し", "不可"),
    "ko": ("않", "안 ", "못", "없", "아니", "불가"),
}
# Turkish negative verb endings (word parts): "iade edilmedi" (was not refunded), "ödemeyecek" (will not pay).
NEGATION_PARTS_TR: tuple[str, ...] = ("madı", "medi", "mıyor", "miyor", "muyor", "müyor", "mayacak", "meyecek",
                                      "mamış", "memiş", "maz", "mez", "mayın", "meyin", "madan", "meden")
