"""Templated sentences in all 14 languages: what the buyer reads when no model may or can answer.

Each "ask for a human" sentence quotes the word the intent rules recognise in that language, so the
buyer can act on it. A unit test checks that every key exists in every supported language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.domain.chat import Citation

TEMPLATES: dict[str, dict[str, str]] = {
    "dont_know": {
        "en": "Sorry, I could not find this in our store's information, and I don't want to guess. A person from our team can help: just write “human”.",
        "zh": "抱歉，我在本店资料中没有找到相关信息，我不想随意猜测。我们的工作人员可以帮您：请输入“人工”。",
        "es": "Lo siento, no encontré esto en la información de nuestra tienda y no quiero adivinar. Una persona de nuestro equipo puede ayudarle: escriba «humano».",
        "fr": "Désolé, je n'ai pas trouvé cette information dans les documents de notre boutique et je ne veux pas deviner. Une personne de notre équipe peut vous aider : écrivez « humain ».",
        "de": "Leider habe ich dazu nichts in den Informationen unseres Shops gefunden, und ich möchte nicht raten. Ein Mitarbeiter hilft Ihnen gern: Schreiben Sie einfach „Mitarbeiter“.",
        "it": "Mi dispiace, non ho trovato questa informazione nei documenti del negozio e non voglio tirare a indovinare. Una persona del nostro team può aiutarla: scriva «operatore».",
        "pt": "Desculpe, não encontrei isso nas informações da nossa loja e não quero adivinhar. Uma pessoa da nossa equipe pode ajudar: escreva “atendente”.",
        "nl": "Sorry, ik heb dit niet gevonden in de informatie van onze winkel en ik wil niet gokken. Iemand van ons team kan helpen: schrijf „medewerker”.",
        "pl": "Przepraszam, nie znalazłem tego w informacjach naszego sklepu i nie chcę zgadywać. Osoba z naszego zespołu może pomóc: napisz „konsultant”.",
        "ru": "Извините, я не нашёл этого в информации нашего магазина и не хочу гадать. Сотрудник нашей команды может помочь: напишите «оператор».",
        "tr": "Üzgünüm, bunu mağazamızın bilgilerinde bulamadım ve tahmin yürütmek istemiyorum. Ekibimizden biri yardımcı olabilir: “temsilci” yazmanız yeterli.",
        "ar": "عذرًا، لم أجد هذا في معلومات متجرنا ولا أريد التخمين. يمكن لأحد أفراد فريقنا مساعدتك: اكتب «موظف».",
        "ja": "申し訳ありません。当店の資料にこの情報が見つからず、推測でお答えしたくありません。スタッフがお手伝いできます。「担当者」と入力してください。",
        "ko": "죄송합니다. 저희 매장 자료에서 이 내용을 찾지 못했고, 추측으로 답하고 싶지 않습니다. 직원이 도와드릴 수 있습니다. “상담원”이라고 입력해 주세요.",
    },
    "lookup_unavailable": {
        "en": "I can't look that up right now — a human can help: just write “human”.",
        "zh": "我现在无法查询这个问题——工作人员可以帮您：请输入“人工”。",
        "es": "Ahora mismo no puedo consultarlo; una persona puede ayudarle: escriba «humano».",
        "fr": "Je ne peux pas vérifier cela pour le moment — une personne peut vous aider : écrivez « humain ».",
        "de": "Das kann ich gerade nicht nachschlagen – ein Mitarbeiter hilft Ihnen gern: Schreiben Sie einfach „Mitarbeiter“.",
        "it": "Al momento non riesco a verificarlo: una persona può aiutarla, scriva «operatore».",
        "pt": "Não consigo consultar isso agora — uma pessoa pode ajudar: escreva “atendente”.",
        "nl": "Ik kan dit nu niet opzoeken — een medewerker kan helpen: schrijf „medewerker”.",
        "pl": "Nie mogę teraz tego sprawdzić — konsultant może pomóc: napisz „konsultant”.",
        "ru": "Сейчас я не могу это проверить — сотрудник может помочь: напишите «оператор».",
        "tr": "Şu anda buna bakamıyorum — bir temsilci yardımcı olabilir: “temsilci” yazmanız yeterli.",
        "ar": "لا أستطيع البحث عن ذلك الآن، ويمكن لأحد الموظفين مساعدتك: اكتب «موظف».",
        "ja": "現在この内容をお調べできません。スタッフがお手伝いできます。「担当者」と入力してください。",
        "ko": "지금은 이 내용을 조회할 수 없습니다. 직원이 도와드릴 수 있습니다. “상담원”이라고 입력해 주세요.",
    },
    "sources_intro": {
        "en": "Here is what our documents say (open the sources below for details):",
        "zh": "以下是我们资料中的相关内容（详情请打开下方的来源）：",
        "es": "Esto es lo que dicen nuestros documentos (abra las fuentes de abajo para ver los detalles):",
        "fr": "Voici ce que disent nos documents (ouvrez les sources ci-dessous pour les détails) :",
        "de": "Das steht in unseren Unterlagen (Details in den Quellen unten):",
        "it": "Ecco cosa dicono i nostri documenti (apra le fonti qui sotto per i dettagli):",
        "pt": "Veja o que dizem os nossos documentos (abra as fontes abaixo para mais detalhes):",
        "nl": "Dit staat er in onze documenten (open de bronnen hieronder voor details):",
        "pl": "Oto co mówią nasze dokumenty (szczegóły w źródłach poniżej):",
        "ru": "Вот что говорится в наших документах (подробности — в источниках ниже):",
        "tr": "Belgelerimizde şöyle yazıyor (ayrıntılar için aşağıdaki kaynakları açın):",
        "ar": "إليك ما تقوله مستنداتنا (افتح المصادر أدناه للتفاصيل):",
        "ja": "当店の資料には次のように記載されています（詳細は下の出典をご覧ください）：",
        "ko": "저희 자료에 따르면 다음과 같습니다(자세한 내용은 아래 출처를 열어 보세요):",
    },
    "human_will_reply": {
        "en": "Thank you. I have passed this conversation to our team; a person will reply here in this chat. Opening hours: {hours}.",
        "zh": "谢谢。我已将此对话转给我们的团队，工作人员会在此聊天中回复您。营业时间：{hours}。",
        "es": "Gracias. He pasado esta conversación a nuestro equipo; una persona le responderá aquí, en este chat. Horario de atención: {hours}.",
        "fr": "Merci. J'ai transmis cette conversation à notre équipe ; une personne vous répondra ici, dans ce chat. Horaires d'ouverture : {hours}.",
        "de": "Danke. Ich habe dieses Gespräch an unser Team weitergeleitet; ein Mitarbeiter antwortet Ihnen hier im Chat. Öffnungszeiten: {hours}.",
        "it": "Grazie. Ho passato questa conversazione al nostro team; una persona le risponderà qui in chat. Orari: {hours}.",
        "pt": "Obrigado. Passei esta conversa para a nossa equipe; uma pessoa vai responder aqui neste chat. Horário de atendimento: {hours}.",
        "nl": "Dank u. Ik heb dit gesprek doorgegeven aan ons team; een medewerker antwoordt hier in deze chat. Openingstijden: {hours}.",
        "pl": "Dziękuję. Przekazałem tę rozmowę naszemu zespołowi; konsultant odpowie tutaj, na czacie. Godziny pracy: {hours}.",
        "ru": "Спасибо. Я передал этот разговор нашей команде; сотрудник ответит вам здесь, в чате. Часы работы: {hours}.",
        "tr": "Teşekkürler. Bu görüşmeyi ekibimize ilettim; bir temsilci size burada, bu sohbette yanıt verecek. Çalışma saatleri: {hours}.",
        "ar": "شكرًا لك. لقد حوّلت هذه المحادثة إلى فريقنا، وسيرد عليك أحد الموظفين هنا في هذه الدردشة. ساعات العمل: {hours}.",
        "ja": "ありがとうございます。この会話を当店のスタッフに引き継ぎました。担当者がこのチャットで返信します。営業時間：{hours}。",
        "ko": "감사합니다. 이 대화를 저희 팀에 전달했습니다. 담당자가 이 채팅에서 답변드릴 예정입니다. 운영 시간: {hours}.",
    },
    "handoff_limit": {
        "en": "A person has already been asked to join this chat several times, so no new request was made. I can still help with questions about products, shipping and orders.",
        "zh": "此对话已多次请求人工客服，因此不会再发起新的请求。我仍可以解答关于商品、配送和订单的问题。",
        "es": "Ya se ha pedido varias veces que una persona se una a este chat, así que no se ha hecho una nueva solicitud. Sigo pudiendo ayudarle con productos, envíos y pedidos.",
        "fr": "Une personne a déjà été demandée plusieurs fois dans cette discussion, aucune nouvelle demande n'a donc été faite. Je peux toujours vous aider sur les produits, la livraison et les commandes.",
        "de": "In diesem Chat wurde bereits mehrmals nach einer Person gefragt, daher wurde keine neue Anfrage gestellt. Bei Fragen zu Produkten, Versand und Bestellungen helfe ich weiterhin.",
        "it": "In questa chat è già stata chiesta più volte una persona, quindi non è stata fatta una nuova richiesta. Posso comunque aiutarla con prodotti, spedizioni e ordini.",
        "pt": "Já foi pedido várias vezes que uma pessoa entrasse nesta conversa, por isso não foi feito um novo pedido. Continuo a poder ajudar com produtos, envios e encomendas.",
        "nl": "Er is in dit gesprek al meerdere keren om een medewerker gevraagd, dus er is geen nieuw verzoek gedaan. Ik help u nog steeds met vragen over producten, verzending en bestellingen.",
        "pl": "W tej rozmowie już kilka razy poproszono o konsultanta, więc nie wysłano nowej prośby. Nadal mogę pomóc w sprawie produktów, wysyłki i zamówień.",
        "ru": "В этом чате уже несколько раз просили подключить сотрудника, поэтому новый запрос не создан. Я по-прежнему могу помочь с вопросами о товарах, доставке и заказах.",
        "tr": "Bu sohbette birkaç kez temsilci istendi, bu yüzden yeni bir talep oluşturulmadı. Ürünler, kargo ve siparişlerle ilgili sorularınıza yardımcı olmaya devam edebilirim.",
        "ar": "طُلب انضمام موظف إلى هذه المحادثة عدة مرات بالفعل، لذلك لم يُرسل طلب جديد. لا يزال بإمكاني المساعدة في أسئلة المنتجات والشحن والطلبات.",
        "ja": "このチャットではすでに何度かスタッフへの引き継ぎが依頼されているため、新しい依頼は行いませんでした。商品・配送・ご注文についてのご質問には引き続きお答えします。",
        "ko": "이 채팅에서 이미 여러 번 상담원 연결을 요청하셔서 새 요청은 보내지 않았습니다. 상품, 배송, 주문에 관한 질문은 계속 도와드릴 수 있습니다.",
    },
    "handoff_waiting": {
        "en": "Your message was passed to our team; a person will reply here.",
        "zh": "您的消息已转给我们的团队，工作人员会在这里回复您。",
        "es": "Su mensaje se ha pasado a nuestro equipo; una persona le responderá aquí.",
        "fr": "Votre message a été transmis à notre équipe ; une personne vous répondra ici.",
        "de": "Ihre Nachricht wurde an unser Team weitergeleitet; ein Mitarbeiter antwortet Ihnen hier.",
        "it": "Il suo messaggio è stato passato al nostro team; una persona le risponderà qui.",
        "pt": "A sua mensagem foi passada para a nossa equipe; uma pessoa vai responder aqui.",
        "nl": "Uw bericht is doorgegeven aan ons team; een medewerker antwoordt hier.",
        "pl": "Twoja wiadomość została przekazana naszemu zespołowi; konsultant odpowie tutaj.",
        "ru": "Ваше сообщение передано нашей команде; сотрудник ответит здесь.",
        "tr": "Mesajınız ekibimize iletildi; bir temsilci burada yanıt verecek.",
        "ar": "تم تحويل رسالتك إلى فريقنا، وسيرد عليك أحد الموظفين هنا.",
        "ja": "メッセージをスタッフに引き継ぎました。担当者がここで返信します。",
        "ko": "메시지가 저희 팀에 전달되었습니다. 담당자가 여기에서 답변드립니다.",
    },
    "sorry": {
        "en": "I am sorry this has been frustrating.",
        "zh": "很抱歉给您带来了不愉快。",
        "es": "Lamento mucho las molestias.",
        "fr": "Je suis désolé pour ce désagrément.",
        "de": "Es tut mir leid, dass das so ärgerlich für Sie ist.",
        "it": "Mi dispiace molto per il disagio.",
        "pt": "Lamento muito o transtorno.",
        "nl": "Het spijt me dat dit zo vervelend is.",
        "pl": "Przepraszam za kłopot.",
        "ru": "Мне очень жаль, что так вышло.",
        "tr": "Yaşadığınız sıkıntı için üzgünüm.",
        "ar": "أعتذر عن هذا الإزعاج.",
        "ja": "ご不便をおかけして申し訳ありません。",
        "ko": "불편을 드려 죄송합니다.",
    },
    "refund_pointer": {
        "en": "I have noted your request. To start a return or refund, open the “Return / refund” tab at the top of this chat and fill in the form (order number, email, photos).",
        "zh": "我已记录您的请求。如需退货或退款，请打开本聊天窗口顶部的“Return / refund”标签页并填写表单（订单号、邮箱、照片）。",
        "es": "He registrado su solicitud. Para iniciar una devolución o reembolso, abra la pestaña «Return / refund» en la parte superior de este chat y rellene el formulario (número de pedido, correo, fotos).",
        "fr": "J'ai noté votre demande. Pour lancer un retour ou un remboursement, ouvrez l'onglet « Return / refund » en haut de ce chat et remplissez le formulaire (numéro de commande, e-mail, photos).",
        "de": "Ich habe Ihre Anfrage notiert. Für eine Rücksendung oder Erstattung öffnen Sie oben in diesem Chat den Reiter „Return / refund“ und füllen das Formular aus (Bestellnummer, E-Mail, Fotos).",
        "it": "Ho registrato la sua richiesta. Per avviare un reso o un rimborso, apra la scheda «Return / refund» in alto in questa chat e compili il modulo (numero d'ordine, e-mail, foto).",
        "pt": "Registrei o seu pedido. Para iniciar uma devolução ou reembolso, abra a aba “Return / refund” no topo deste chat e preencha o formulário (número do pedido, e-mail, fotos).",
        "nl": "Ik heb uw verzoek genoteerd. Open voor een retour of terugbetaling het tabblad „Return / refund” bovenaan deze chat en vul het formulier in (bestelnummer, e-mail, foto's).",
        "pl": "Zapisałem Twoją prośbę. Aby rozpocząć zwrot, otwórz zakładkę „Return / refund” u góry tego czatu i wypełnij formularz (numer zamówienia, e-mail, zdjęcia).",
        "ru": "Я записал ваш запрос. Чтобы оформить возврат, откройте вкладку «Return / refund» вверху этого чата и заполните форму (номер заказа, e-mail, фото).",
        "tr": "Talebinizi not ettim. İade başlatmak için bu sohbetin üstündeki “Return / refund” sekmesini açıp formu doldurun (sipariş numarası, e-posta, fotoğraflar).",
        "ar": "لقد سجّلت طلبك. لبدء الإرجاع أو استرداد المبلغ، افتح تبويب «Return / refund» أعلى هذه الدردشة واملأ النموذج (رقم الطلب، البريد الإلكتروني، الصور).",
        "ja": "ご依頼を記録しました。返品・返金を始めるには、このチャット上部の「Return / refund」タブを開き、フォーム（注文番号、メールアドレス、写真）にご記入ください。",
        "ko": "요청을 기록했습니다. 반품 또는 환불을 시작하려면 이 채팅 상단의 “Return / refund” 탭을 열고 양식(주문 번호, 이메일, 사진)을 작성해 주세요.",
    },
    "order_need_details": {
        "en": "To look up your order, please send your order number (for example {example}) together with the email address you used for the order.",
        "zh": "查询订单时，请同时发送订单号（例如 {example}）和下单时使用的邮箱地址。",
        "es": "Para consultar su pedido, envíe el número de pedido (por ejemplo {example}) junto con el correo electrónico que usó al comprar.",
        "fr": "Pour retrouver votre commande, envoyez le numéro de commande (par exemple {example}) avec l'adresse e-mail utilisée pour la commande.",
        "de": "Um Ihre Bestellung zu finden, senden Sie bitte die Bestellnummer (zum Beispiel {example}) zusammen mit der E-Mail-Adresse der Bestellung.",
        "it": "Per trovare il suo ordine, invii il numero d'ordine (ad esempio {example}) insieme all'indirizzo e-mail usato per l'ordine.",
        "pt": "Para consultar o seu pedido, envie o número do pedido (por exemplo {example}) junto com o e-mail usado na compra.",
        "nl": "Stuur uw bestelnummer (bijvoorbeeld {example}) samen met het e-mailadres van de bestelling, dan zoek ik uw bestelling op.",
        "pl": "Aby sprawdzić zamówienie, podaj numer zamówienia (np. {example}) razem z adresem e-mail użytym przy zakupie.",
        "ru": "Чтобы найти заказ, отправьте номер заказа (например, {example}) вместе с адресом e-mail, указанным при покупке.",
        "tr": "Siparişinizi bulmak için sipariş numaranızı (örneğin {example}) ve siparişte kullandığınız e-posta adresini birlikte gönderin.",
        "ar": "للاستعلام عن طلبك، أرسل رقم الطلب (مثل {example}) مع عنوان البريد الإلكتروني الذي استخدمته في الطلب.",
        "ja": "ご注文を確認するには、注文番号（例：{example}）とご注文時のメールアドレスを一緒に送ってください。",
        "ko": "주문을 조회하려면 주문 번호(예: {example})와 주문할 때 사용한 이메일 주소를 함께 보내 주세요.",
    },
    "order_need_details_plain": {
        "en": "To look up your order, please send your order number together with the email address you used for the order.",
        "zh": "查询订单时，请同时发送订单号和下单时使用的邮箱地址。",
        "es": "Para consultar su pedido, envíe el número de pedido junto con el correo electrónico que usó al comprar.",
        "fr": "Pour retrouver votre commande, envoyez le numéro de commande avec l'adresse e-mail utilisée pour la commande.",
        "de": "Um Ihre Bestellung zu finden, senden Sie bitte die Bestellnummer zusammen mit der E-Mail-Adresse der Bestellung.",
        "it": "Per trovare il suo ordine, invii il numero d'ordine insieme all'indirizzo e-mail usato per l'ordine.",
        "pt": "Para consultar o seu pedido, envie o número do pedido junto com o e-mail usado na compra.",
        "nl": "Stuur uw bestelnummer samen met het e-mailadres van de bestelling, dan zoek ik uw bestelling op.",
        "pl": "Aby sprawdzić zamówienie, podaj numer zamówienia razem z adresem e-mail użytym przy zakupie.",
        "ru": "Чтобы найти заказ, отправьте номер заказа вместе с адресом e-mail, указанным при покупке.",
        "tr": "Siparişinizi bulmak için sipariş numaranızı ve siparişte kullandığınız e-posta adresini birlikte gönderin.",
        "ar": "للاستعلام عن طلبك، أرسل رقم الطلب مع عنوان البريد الإلكتروني الذي استخدمته في الطلب.",
        "ja": "ご注文を確認するには、注文番号とご注文時のメールアドレスを一緒に送ってください。",
        "ko": "주문을 조회하려면 주문 번호와 주문할 때 사용한 이메일 주소를 함께 보내 주세요.",
    },
    "order_not_found": {
        "en": "I could not find an order with this order number and email address. Please check both and try again.",
        "zh": "未找到与该订单号和邮箱匹配的订单。请检查后重试。",
        "es": "No encontré ningún pedido con ese número y ese correo electrónico. Revise ambos datos e inténtelo de nuevo.",
        "fr": "Je n'ai trouvé aucune commande avec ce numéro et cette adresse e-mail. Vérifiez les deux et réessayez.",
        "de": "Ich habe keine Bestellung mit dieser Bestellnummer und E-Mail-Adresse gefunden. Bitte prüfen Sie beides und versuchen Sie es erneut.",
        "it": "Non ho trovato nessun ordine con questo numero e questo indirizzo e-mail. Controlli entrambi e riprovi.",
        "pt": "Não encontrei nenhum pedido com esse número e esse e-mail. Verifique os dois e tente novamente.",
        "nl": "Ik heb geen bestelling gevonden met dit bestelnummer en e-mailadres. Controleer beide en probeer het opnieuw.",
        "pl": "Nie znalazłem zamówienia o tym numerze i adresie e-mail. Sprawdź oba i spróbuj ponownie.",
        "ru": "Я не нашёл заказ с таким номером и адресом e-mail. Проверьте оба и попробуйте ещё раз.",
        "tr": "Bu sipariş numarası ve e-posta adresiyle bir sipariş bulamadım. Lütfen ikisini de kontrol edip tekrar deneyin.",
        "ar": "لم أجد طلبًا بهذا الرقم وهذا البريد الإلكتروني. يرجى التحقق من كليهما والمحاولة مرة أخرى.",
        "ja": "この注文番号とメールアドレスに一致する注文が見つかりませんでした。両方をご確認のうえ、もう一度お試しください。",
        "ko": "이 주문 번호와 이메일 주소로 된 주문을 찾지 못했습니다. 둘 다 확인하신 후 다시 시도해 주세요.",
    },
    "order_header": {
        "en": "Order {order_no}: {status}.", "zh": "订单 {order_no}：{status}。", "es": "Pedido {order_no}: {status}.",
        "fr": "Commande {order_no} : {status}.", "de": "Bestellung {order_no}: {status}.", "it": "Ordine {order_no}: {status}.",
        "pt": "Pedido {order_no}: {status}.", "nl": "Bestelling {order_no}: {status}.", "pl": "Zamówienie {order_no}: {status}.",
        "ru": "Заказ {order_no}: {status}.", "tr": "Sipariş {order_no}: {status}.", "ar": "الطلب {order_no}: {status}.",
        "ja": "ご注文 {order_no}：{status}。", "ko": "주문 {order_no}: {status}.",
    },
    "status_processing": {
        "en": "being prepared (not shipped yet)", "zh": "备货中（尚未发货）", "es": "en preparación (aún no enviado)",
        "fr": "en préparation (pas encore expédiée)", "de": "in Bearbeitung (noch nicht versandt)",
        "it": "in preparazione (non ancora spedito)", "pt": "em preparação (ainda não enviado)",
        "nl": "in behandeling (nog niet verzonden)", "pl": "w przygotowaniu (jeszcze nie wysłane)",
        "ru": "готовится к отправке (ещё не отправлен)", "tr": "hazırlanıyor (henüz kargoya verilmedi)",
        "ar": "قيد التجهيز (لم يُشحن بعد)", "ja": "準備中（未発送）", "ko": "준비 중(아직 발송되지 않음)",
    },
    "status_shipped": {
        "en": "shipped, on its way", "zh": "已发货，运输中", "es": "enviado, en camino", "fr": "expédiée, en route",
        "de": "versandt, unterwegs", "it": "spedito, in viaggio", "pt": "enviado, a caminho", "nl": "verzonden, onderweg",
        "pl": "wysłane, w drodze", "ru": "отправлен, в пути", "tr": "kargoya verildi, yolda", "ar": "تم الشحن، في الطريق",
        "ja": "発送済み、配送中", "ko": "발송됨, 배송 중",
    },
    "status_delivered": {
        "en": "delivered", "zh": "已送达", "es": "entregado", "fr": "livrée", "de": "zugestellt", "it": "consegnato",
        "pt": "entregue", "nl": "bezorgd", "pl": "dostarczone", "ru": "доставлен", "tr": "teslim edildi", "ar": "تم التسليم",
        "ja": "配達済み", "ko": "배송 완료",
    },
    "status_returned": {
        "en": "returned", "zh": "已退回", "es": "devuelto", "fr": "retournée", "de": "zurückgesendet", "it": "reso",
        "pt": "devolvido", "nl": "geretourneerd", "pl": "zwrócone", "ru": "возвращён", "tr": "iade edildi", "ar": "تم الإرجاع",
        "ja": "返品済み", "ko": "반품됨",
    },
    "carrier_line": {
        "en": "Carrier: {carrier}, tracking number: {tracking}.", "zh": "承运商：{carrier}，运单号：{tracking}。",
        "es": "Transportista: {carrier}, número de seguimiento: {tracking}.", "fr": "Transporteur : {carrier}, numéro de suivi : {tracking}.",
        "de": "Versanddienstleister: {carrier}, Sendungsnummer: {tracking}.", "it": "Corriere: {carrier}, numero di tracciamento: {tracking}.",
        "pt": "Transportadora: {carrier}, código de rastreio: {tracking}.", "nl": "Vervoerder: {carrier}, trackingnummer: {tracking}.",
        "pl": "Przewoźnik: {carrier}, numer przesyłki: {tracking}.", "ru": "Перевозчик: {carrier}, трек-номер: {tracking}.",
        "tr": "Kargo firması: {carrier}, takip numarası: {tracking}.", "ar": "شركة الشحن: {carrier}، رقم التتبع: {tracking}.",
        "ja": "配送業者：{carrier}、追跡番号：{tracking}。", "ko": "택배사: {carrier}, 송장 번호: {tracking}.",
    },
    "tracking_header": {
        "en": "Latest tracking events:", "zh": "最新物流信息：", "es": "Últimos eventos de seguimiento:",
        "fr": "Derniers événements de suivi :", "de": "Letzte Sendungsereignisse:", "it": "Ultimi aggiornamenti di tracciamento:",
        "pt": "Últimos eventos de rastreio:", "nl": "Laatste trackinggebeurtenissen:", "pl": "Ostatnie zdarzenia przesyłki:",
        "ru": "Последние события отслеживания:", "tr": "Son takip hareketleri:", "ar": "آخر أحداث التتبع:",
        "ja": "最新の追跡情報：", "ko": "최근 배송 조회 내역:",
    },
    "too_many_sessions": {
        "en": "Too many new chats from your network. Please wait a minute and try again.",
        "zh": "您的网络新建的对话过多，请稍等一分钟再试。", "es": "Demasiados chats nuevos desde su red. Espere un minuto y vuelva a intentarlo.",
        "fr": "Trop de nouvelles discussions depuis votre réseau. Patientez une minute puis réessayez.",
        "de": "Zu viele neue Chats aus Ihrem Netzwerk. Bitte warten Sie eine Minute und versuchen Sie es erneut.",
        "it": "Troppe nuove chat dalla sua rete. Attenda un minuto e riprovi.", "pt": "Muitos chats novos a partir da sua rede. Aguarde um minuto e tente novamente.",
        "nl": "Te veel nieuwe chats vanaf uw netwerk. Wacht een minuut en probeer het opnieuw.",
        "pl": "Zbyt wiele nowych czatów z Twojej sieci. Odczekaj minutę i spróbuj ponownie.",
        "ru": "Слишком много новых чатов из вашей сети. Подождите минуту и попробуйте снова.",
        "tr": "Ağınızdan çok fazla yeni sohbet açıldı. Lütfen bir dakika bekleyip tekrar deneyin.",
        "ar": "محادثات جديدة كثيرة جدًا من شبكتك. يرجى الانتظار دقيقة ثم المحاولة مرة أخرى.",
        "ja": "お使いのネットワークからの新しいチャットが多すぎます。1分ほど待ってから再度お試しください。",
        "ko": "사용 중인 네트워크에서 새 채팅이 너무 많습니다. 1분 후에 다시 시도해 주세요.",
    },
    "too_many_messages": {
        "en": "You are sending messages very quickly. Please wait a minute; your earlier messages were received.",
        "zh": "您发送消息太快了。请稍等一分钟，您之前的消息我们已收到。", "es": "Está enviando mensajes muy rápido. Espere un minuto; sus mensajes anteriores se recibieron.",
        "fr": "Vous envoyez des messages très vite. Patientez une minute ; vos messages précédents ont bien été reçus.",
        "de": "Sie senden sehr schnell Nachrichten. Bitte warten Sie eine Minute; Ihre bisherigen Nachrichten sind angekommen.",
        "it": "Sta inviando messaggi molto velocemente. Attenda un minuto; i messaggi precedenti sono stati ricevuti.",
        "pt": "Você está enviando mensagens muito rápido. Aguarde um minuto; as mensagens anteriores foram recebidas.",
        "nl": "U stuurt heel snel berichten. Wacht een minuut; uw eerdere berichten zijn ontvangen.",
        "pl": "Wysyłasz wiadomości bardzo szybko. Odczekaj minutę; wcześniejsze wiadomości dotarły.",
        "ru": "Вы отправляете сообщения слишком часто. Подождите минуту; предыдущие сообщения получены.",
        "tr": "Çok hızlı mesaj gönderiyorsunuz. Lütfen bir dakika bekleyin; önceki mesajlarınız alındı.",
        "ar": "أنت ترسل الرسائل بسرعة كبيرة. يرجى الانتظار دقيقة؛ لقد وصلت رسائلك السابقة.",
        "ja": "メッセージの送信が速すぎます。1分ほどお待ちください。これまでのメッセージは受け取っています。",
        "ko": "메시지를 너무 빠르게 보내고 있습니다. 1분만 기다려 주세요. 이전 메시지는 받았습니다.",
    },
    "empty_message": {
        "en": "Please type a message.", "zh": "请输入消息。", "es": "Escriba un mensaje, por favor.", "fr": "Veuillez écrire un message.",
        "de": "Bitte geben Sie eine Nachricht ein.", "it": "Scriva un messaggio, per favore.", "pt": "Escreva uma mensagem, por favor.",
        "nl": "Typ alstublieft een bericht.", "pl": "Wpisz wiadomość.", "ru": "Пожалуйста, введите сообщение.",
        "tr": "Lütfen bir mesaj yazın.", "ar": "يرجى كتابة رسالة.", "ja": "メッセージを入力してください。", "ko": "메시지를 입력해 주세요.",
    },
    "too_long": {
        "en": "Your message is too long ({length} characters). Please keep it under {limit} characters; nothing was sent.",
        "zh": "您的消息太长（{length} 个字符）。请控制在 {limit} 个字符以内；消息尚未发送。",
        "es": "Su mensaje es demasiado largo ({length} caracteres). Manténgalo por debajo de {limit} caracteres; no se ha enviado nada.",
        "fr": "Votre message est trop long ({length} caractères). Restez sous {limit} caractères ; rien n'a été envoyé.",
        "de": "Ihre Nachricht ist zu lang ({length} Zeichen). Bitte bleiben Sie unter {limit} Zeichen; es wurde nichts gesendet.",
        "it": "Il messaggio è troppo lungo ({length} caratteri). Resti sotto i {limit} caratteri; non è stato inviato nulla.",
        "pt": "A sua mensagem é longa demais ({length} caracteres). Use menos de {limit} caracteres; nada foi enviado.",
        "nl": "Uw bericht is te lang ({length} tekens). Blijf onder {limit} tekens; er is niets verzonden.",
        "pl": "Wiadomość jest za długa ({length} znaków). Zmieść się w {limit} znakach; nic nie zostało wysłane.",
        "ru": "Сообщение слишком длинное ({length} символов). Уложитесь в {limit} символов; ничего не отправлено.",
        "tr": "Mesajınız çok uzun ({length} karakter). Lütfen {limit} karakterin altında tutun; hiçbir şey gönderilmedi.",
        "ar": "رسالتك طويلة جدًا ({length} حرفًا). يرجى ألا تتجاوز {limit} حرفًا؛ لم يتم إرسال شيء.",
        "ja": "メッセージが長すぎます（{length} 文字）。{limit} 文字以内にしてください。送信されていません。",
        "ko": "메시지가 너무 깁니다({length}자). {limit}자 이내로 줄여 주세요. 아무것도 전송되지 않았습니다.",
    },
    "untranslated_note": {
        "en": "(automatic translation unavailable: original message)", "zh": "（暂无自动翻译：原文）",
        "es": "(traducción automática no disponible: mensaje original)", "fr": "(traduction automatique indisponible : message original)",
        "de": "(automatische Übersetzung nicht verfügbar: Originalnachricht)", "it": "(traduzione automatica non disponibile: messaggio originale)",
        "pt": "(tradução automática indisponível: mensagem original)", "nl": "(automatische vertaling niet beschikbaar: origineel bericht)",
        "pl": "(tłumaczenie automatyczne niedostępne: oryginalna wiadomość)", "ru": "(автоперевод недоступен: исходное сообщение)",
        "tr": "(otomatik çeviri yok: orijinal mesaj)", "ar": "(الترجمة الآلية غير متاحة: الرسالة الأصلية)",
        "ja": "（自動翻訳は利用できません：原文）", "ko": "(자동 번역을 사용할 수 없음: 원문)",
    },
}


def text(key: str, language: str, **values: object) -> str:
    """The sentence `key` in `language` (English when the language is unknown), with `values` filled in."""
    sentences = TEMPLATES[key]
    return sentences.get(language, sentences["en"]).format(**values)


def order_details_request(language: str, example: str | None) -> str:
    """Ask for the order number and email; the example is made from the shop's own order-number format."""
    if example:
        return text("order_need_details", language, example=example)
    return text("order_need_details_plain", language)


SOURCE_LANGUAGE = "en"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _first_sentences(excerpt: str, count: int) -> str:
    # FAQ chunks read "Q: … A: …": the answer part is what the buyer needs.
    body = excerpt.split(" A: ", 1)[-1].removeprefix("A: ").strip().replace("\n", " ")
    sentences = [part.strip() for part in _SENTENCE.split(body) if part.strip()]
    return " ".join(sentences[:count])


def sources_answer(
    language: str, citations: list[Citation], *, excerpts: int = 3, facts: Sequence[str] = ()
) -> str:
    """The fallback answer: up to 3 short fact sentences in the buyer's language (from the fact layer, when it had
    something to say), then one localized sentence and the best sources' titles. The store's documents are in
    English: an English buyer without facts gets the best source's first sentences; other languages never get
    raw English text — they open the sources."""
    lines = [" ".join(facts[:3])] if facts else []
    if not facts and language == SOURCE_LANGUAGE and citations:
        lines.append(_first_sentences(citations[0].excerpt, 2))
    lines.append(text("sources_intro", language))
    lines += [f"- **{citation.title}**" for citation in citations[:excerpts]]
    return "\n".join(lines)
