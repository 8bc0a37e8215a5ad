"""Routing before generation: deterministic multilingual rules first, the model only for what they leave open.

Order of precedence matters: dispute risk > abuse > talk to a human > damaged/wrong/missing item > refund > order status > shipping >
product question. A damaged item is a refund request answered with the policy's reporting window.
"""

from __future__ import annotations

import logging
import re

from pydantic import BaseModel, ValidationError

from app.domain.chat import Intent, IntentResult
from app.domain.order_numbers import DEFAULT_ORDER_NUMBERS, OrderNumberFormat
from app.services.chat import prompts
from models.errors import ModelError
from models.types import ChatModel, GenerationParams

log = logging.getLogger(__name__)

_I = re.IGNORECASE

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

ABUSE = re.compile(
    r"\b(?:fuck\w*|shit\w*|idiots?|stupid|scam\w*|fraud\w*|thie(?:f|ves)|useless|morons?|bastards?|crap)\b"
    r"|\b(?:estafa\w*|idiota|mierda|ladrones|inútil|basura|arnaque|escroc|connard|débile|voleurs|betrug\w*"
    r"|scheiße|scheisse|abzocke|diebe|truffa\w*|ladri|golpe|golpista|ladrões|lixo|oplicht\w*|klote|idioot"
    r"|waardeloos|oszust\w*|kurwa|złodzieje|мошенник\w*|обман\w*|идиот\w*|дерьмо|воры|dolandırıcı\w*|aptal"
    r"|rezalet|hırsız\w*)\b"
    r"|نصاب|احتيال|حرامي|غبي|詐欺|ふざけるな|最悪|バカ|사기|짜증|최악|바보|骗子|垃圾|欺诈",
    _I,
)
HUMAN = re.compile(
    r"\b(?:human|real person|(?:an? )?agent|representative|operator|talk to (?:a |someone|somebody)\w*|customer service"
    r"|humano|agente|persona real|humain|conseiller|mensch|mitarbeiter\w*|echte person|operatore|umano"
    r"|atendente|pessoa real|medewerker|mens|echt persoon|człowiek\w*|konsultant\w*|оператор\w*|человек\w*"
    r"|живой|temsilci\w*|insan|canlı destek)\b"
    r"|موظف|إنسان|شخص حقيقي|خدمة العملاء|担当者|人間|オペレーター|有人|상담원|상담사|직원|人工|真人|客服",
    _I,
)
REFUND = re.compile(
    r"\b(?:refund\w*|money back|return (?:it|this|them|the|my)|send (?:it |this |them )?back|exchange"
    r"|(?<!contra )reembols\w*|devolver|devoluci[oó]n|rembours\w*|retourner|rückerstattung|erstatt\w*|zurückgeben"
    r"|zurücksenden|rücksendung|geld zurück|rimbors\w*|restituire|reso|devolução|estorno|terugbetal\w*"
    r"|geld terug|retourneren|terugsturen|zwrot\w*|zwrócić|oddać|возврат\w*|вернуть|iade|geri ödeme)\b"
    r"|استرداد|إرجاع|استرجاع|ارجاع|返金|返品|환불|반품|退款|退货|退钱",
    _I,
)
# The buyer says they will go to their bank / card issuer / PayPal instead of the shop (chargeback risk).
DISPUTE = re.compile(
    r"\b(?:charge ?backs?|dispute (?:the |this |my |that )?(?:charge|payment|transaction|purchase)"
    r"|(?:call|contact|phone|ring|tell|go to|report (?:this|it|you) to) (?:my|the) (?:bank|card issuer|credit card company)"
    r"|paypal (?:claim|dispute|case)|(?:claim|dispute|case) (?:with|on|in) paypal|reverse (?:the|this|my) (?:charge|payment)"
    r"|contracargo\w*|disputar (?:el|este) (?:cargo|pago)|(?:llamar|llamaré|contactar|contactaré|hablar) (?:a |con )?mi banco"
    r"|(?:reclamaci[oó]n|reclamo|disputa) (?:en|con|de) paypal|anular (?:el|este) (?:cargo|pago)"
    r"|r[ée]trofacturation|contester (?:le|ce) (?:paiement|pr[ée]l[èe]vement|d[ée]bit)|(?:appeler|contacter|pr[ée]venir) ma banque"
    r"|litige (?:sur|avec|chez) paypal|ouvrir un litige|faire opposition"
    r"|r[üu]ckbuchung\w*|zahlung (?:zur[üu]ckbuchen|zur[üu]ckholen|anfechten|widerrufen)"
    r"|(?:meine|die) bank (?:anrufen|kontaktieren|einschalten|informieren)|(?:rufe|kontaktiere) (?:meine|die) bank"
    r"|paypal[- ](?:konflikt|fall|k[äa]uferschutz)|lastschrift zur[üu]ck\w*"
    r"|contestare (?:l'addebito|il pagamento|l'acquisto)|(?:chiamare|chiamer[òo]|contattare|contatter[òo]) (?:la )?mia banca"
    r"|(?:controversia|contestazione|reclamo) (?:su|con|in) paypal|aprire una (?:contestazione|controversia)"
    r"|contestar (?:a|esta) (?:compra|cobran[çc]a|transa[çc][ãa]o)|(?:ligar|ligarei|contatar|falar) (?:para |com )?o (?:meu )?banco"
    r"|(?:disputa|reclama[çc][ãa]o) (?:no|com o) paypal|abrir uma disputa"
    r"|terugboek\w*|betaling (?:betwisten|terugdraaien|laten terugdraaien)|(?:mijn|de) bank (?:bellen|inschakelen|contacteren)"
    r"|(?:bel|contacteer) (?:mijn|de) bank|geschil (?:bij|via|op) paypal"
    r"|obciążeni\w* zwrotn\w*|(?:zadzwonię|zadzwonic|zadzwonić|zgłoszę to|napiszę) (?:do )?(?:mojego )?banku"
    r"|spór (?:w|na|z) paypal\w*|(?:zakwestionuję|kwestionuję|zakwestionować) (?:płatność|transakcję|obciążenie)"
    r"|чарджбэк\w*|(?:оспор|опротест)\w* (?:платеж\w*|платёж\w*|списани\w*|транзакци\w*|оплат\w*)"
    r"|(?:позвон\w*|обращусь|обратиться|пожалуюсь) в (?:мой |свой )?банк|спор (?:в|на|через) paypal"
    r"|ters ibraz|bankam\w* (?:arayaca\w*|başvuraca\w*|şikayet\w*)|bankaya (?:başvuraca\w*|şikayet\w*|gidece\w*)"
    r"|ödemeye itiraz\w*|paypal'?(?:da|de|dan) (?:itiraz|anlaşmazlık))"
    r"|استرداد المبلغ عبر البنك|الاعتراض على (?:الدفع|العملية|المبلغ)|سأتصل (?:بالبنك|ببنكي)|الاتصال (?:بالبنك|ببنكي)"
    r"|نزاع (?:في|على|عبر) (?:باي ?بال|PayPal)|سأشتكي للبنك"
    r"|チャージバック|(?:銀行|カード会社)に(?:連絡|電話|相談|申し立て)|支払いに異議|(?:PayPal|ペイパル)で(?:異議|申し立て|紛争|苦情)"
    r"|차지백|(?:은행|카드사)에 (?:연락|전화|이의|신고)|결제 (?:이의|취소 요청|거절)|(?:페이팔|PayPal)(?:에| )?(?:분쟁|클레임|이의)"
    r"|拒付|(?:联系|打电话给|找)(?:我的)?(?:银行|信用卡公司)|(?:PayPal|贝宝)(?:上)?(?:争议|纠纷|投诉)|撤销(?:这笔)?付款|申请退单",
    _I,
)
# A question *about* the policy is answered from the documents, not routed to the refund form.
POLICY_QUESTION = re.compile(
    r"\b(?:polic(?:y|ies)|política|politique|richtlinie\w*|bedingungen|politica|beleid|polityk\w*|политик\w*"
    r"|politika\w*|how (?:many|long)|cuántos días|combien de jours|wie lange|quanto tempo|quanti giorni"
    r"|hoe lang|ile dni|сколько дней|kaç gün|quantos dias|hoeveel dagen|cuánto tiempo|combien de temps|wie viele tage"
    r"|quanto tempo|jak długo|как долго|how much time)\b|سياسة|كم يوم|ポリシー|規定|何日|いつまで|정책|며칠|政策|多少天|几天|多久",
    _I,
)
# Damaged, defective, wrong or missing item (what happened, not a question about a product's features).
DAMAGED = re.compile(
    r"\b(?:damaged|broken|cracked|smashed|shattered|defective|dented|dead on arrival|DOA"
    r"|wrong (?:item|product|model|size|colou?r|monitor|cable)|not what i ordered"
    r"|missing (?:item|part|parts|cable|accessor\w*)|(?:item|part|parts|cable) (?:is |are |was |were )?missing"
    r"|dañad\w*|rot[oa]s?|rajad\w*|agrietad\w*|estropead\w*|defectuos\w*|(?:producto|artículo) equivocado"
    r"|no es lo que pedí|faltaba\w*|faltan piezas|endommag\w*|cassée?s?|fissur\w*|abîmée?s?|défectueu\w*"
    r"|mauvais (?:article|produit)|pas ce que j'ai commandé|manquant\w*|beschädigt\w*|kaputt\w*|gebrochen\w*"
    r"|gesprungen|zerbrochen|(?:mit )?(?:einem )?riss(?:en)?|gerissen|defekt\w*|falsche[snr]? (?:artikel|produkt|ware)|danneggiat\w*|rott[oaie]|crepat\w*"
    r"|incrinat\w*|difettos\w*|(?:articolo|prodotto) sbagliato|danificad\w*|quebrad\w*|rachad\w*|trincad\w*"
    r"|defeituos\w*|(?:produto|item) errado|veio faltando|faltou|beschadigd\w*|kapot\w*|gebarsten|verkeerde? (?:artikel|product)"
    r"|ontbreekt|uszkodzon\w*|zepsut\w*|pęknięt\w*|rozbit\w*|wadliw\w*|(?:zły|niewłaściwy) produkt|brakuje"
    r"|поврежд\w*|сломан\w*|разбит\w*|трещин\w*|треснул\w*|треснут\w*|бракован\w*|не тот товар|не хватает"
    r"|hasarlı|hasar gör\w*|kırık|kırıl\w*|çatla\w*|bozuk|arızalı|yanlış ürün|eksik)\b"
    r"|تالف|مكسور|متضرر|معيب|مشروخ|منتج خاطئ|ناقص|破損|壊れ|割れ|ひび|不良品|初期不良|違う商品|間違った商品|欠品"
    r"|入っていな|파손|깨졌|깨진|금이 갔|불량|고장|깨져|다른 상품|잘못된 상품|누락|损坏|破损|坏了|碎了|裂了|裂开|裂痕|次品"
    r"|发错|错发|漏发|少了",
    _I,
)
ORDER_STATUS = re.compile(
    r"\b(?:where is my (?:order|parcel|package)|my order|order status|track(?:ing)?|mi pedido|seguimiento"
    r"|ma commande|suivi|meine bestellung|sendungsverfolgung|wo ist mein\w*|mio ordine|tracciamento"
    r"|meu pedido|minha encomenda|rastreio|rastreamento|mijn bestelling|moje zamówienie|moja przesyłka"
    r"|śledzenie|мой заказ|где (?:мой )?заказ|отслеживани\w*|siparişim\w*|kargom\w*|takip)\b"
    r"|طلبي|تتبع|私の注文|注文した|追跡|荷物はどこ|내 주문|주문한|배송 ?조회|我的订单|订单状态|物流|快递单号",
    _I,
)
SHIPPING = re.compile(
    r"\b(?:ship\w*|deliver\w*|customs|arriv\w*|env[ií]o|entrega\w*|enviar|aduana|livraison|expédition|livrer"
    r"|douane|versand|lieferung|liefern|(?<!\d-)(?<!\d )(?<!\d)zoll|versenden|spedizion\w*|consegna|dogana|frete|alfândega|chegar"
    r"|verzend\w*|levering|bezorg\w*|wysyłk\w*|dostaw\w*|cło|доставк\w*|пошлин\w*|kargo|teslimat|gönderim"
    r"|gümrük)\b|شحن|توصيل|الجمارك|配送|発送|送料|届|関税|배송|관세|택배|运输|发货|配送|运费|快递|关税",
    _I,
)


def _shouting(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha() and ch.isascii()]
    upper = sum(ch.isupper() for ch in letters)
    return text.count("!") >= 3 and len(letters) >= 12 and upper / len(letters) > 0.7


def find_order_no(text: str, numbers: OrderNumberFormat = DEFAULT_ORDER_NUMBERS) -> str | None:
    """The first order number in the shop's configured format, in its canonical spelling."""
    return numbers.find(text)


def find_email(text: str) -> str | None:
    match = EMAIL.search(text)
    return match.group(0).lower() if match else None


def is_damage_report(text: str) -> bool:
    return DAMAGED.search(text) is not None


def is_dispute_threat(text: str) -> bool:
    return DISPUTE.search(text) is not None


def classify(text: str, numbers: OrderNumberFormat = DEFAULT_ORDER_NUMBERS) -> IntentResult:
    """The intent by rules; "default" when no rule fired (a product or policy question)."""
    order_no, email = find_order_no(text, numbers), find_email(text)

    def result(intent: Intent, rule: str) -> IntentResult:
        return IntentResult(intent=intent, rule=rule, order_no=order_no, email=email)

    if is_dispute_threat(text):
        return result("dispute_risk", "dispute-words")
    if ABUSE.search(text) or _shouting(text):
        return result("abuse", "abuse-words")
    if HUMAN.search(text):
        return result("human", "human-words")
    if is_damage_report(text):
        return result("refund_request", "damaged-words")
    if REFUND.search(text) and not POLICY_QUESTION.search(text):
        return result("refund_request", "refund-words")
    if order_no or ORDER_STATUS.search(text):
        return result("order_status", "order-number" if order_no else "order-words")
    if SHIPPING.search(text):
        return result("shipping", "shipping-words")
    return result("product_question", "default")


class _ModelIntent(BaseModel):
    intent: Intent


def classify_with_model(model: ChatModel, text: str) -> Intent | None:
    """Ask the model (JSON schema) when the rules found nothing specific; None if it fails or is unsure."""
    schema = _ModelIntent.model_json_schema()
    try:
        raw = model.complete_json(prompts.intent_messages(text), schema, GenerationParams(max_tokens=30, temperature=0))
        return _ModelIntent.model_validate(raw).intent
    except (ModelError, ValidationError) as exc:
        log.info("intent classification by model failed: %s", exc)
        return None
