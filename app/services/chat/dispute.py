"""The reply to a buyer who says they will go to their bank, card issuer or PayPal (dispute risk).

It opens the shop's own refund route before the bank is involved: the "Return / refund" claim form, and a person
looking at the case today. This text promises no money; when the buyer has proved the order is theirs and the refund
policy already gives something on it, the chat adds the policy engine's offer (app.services.refunds.dispute_offer).
"""

from __future__ import annotations

DISPUTE_REPLY: dict[str, str] = {
    "en": "I am sorry this went wrong. Before you go to your bank, please let us sort it out directly: open the "
          "“Return / refund” tab at the top of this chat and fill in the claim form (order number, email, photos). "
          "I have passed this conversation to our team, and a person will look at it today.",
    "zh": "很抱歉给您带来不便。在联系银行之前，请让我们直接为您处理：打开本聊天窗口顶部的“Return / refund”标签页，"
          "填写申请表（订单号、邮箱、照片）。我已将此对话转给我们的团队，今天会有工作人员查看。",
    "es": "Lamento que algo haya salido mal. Antes de acudir a su banco, permítanos resolverlo directamente: abra la "
          "pestaña «Return / refund» en la parte superior de este chat y rellene el formulario de reclamación (número "
          "de pedido, correo, fotos). He pasado esta conversación a nuestro equipo y una persona la revisará hoy.",
    "fr": "Je suis désolé que cela se soit mal passé. Avant de contacter votre banque, laissez-nous régler cela "
          "directement : ouvrez l'onglet « Return / refund » en haut de ce chat et remplissez le formulaire de "
          "réclamation (numéro de commande, e-mail, photos). J'ai transmis cette conversation à notre équipe ; une "
          "personne l'examinera aujourd'hui.",
    "de": "Es tut mir leid, dass etwas schiefgelaufen ist. Bevor Sie sich an Ihre Bank wenden, lassen Sie uns das "
          "direkt klären: Öffnen Sie oben in diesem Chat den Reiter „Return / refund“ und füllen Sie das "
          "Reklamationsformular aus (Bestellnummer, E-Mail, Fotos). Ich habe dieses Gespräch an unser Team "
          "weitergeleitet; ein Mitarbeiter sieht es sich heute an.",
    "it": "Mi dispiace che qualcosa sia andato storto. Prima di rivolgersi alla sua banca, ci permetta di risolvere "
          "direttamente: apra la scheda «Return / refund» in alto in questa chat e compili il modulo di reclamo "
          "(numero d'ordine, e-mail, foto). Ho passato questa conversazione al nostro team; una persona la esaminerà oggi.",
    "pt": "Lamento que algo tenha dado errado. Antes de procurar o seu banco, deixe-nos resolver diretamente: abra a "
          "aba “Return / refund” no topo deste chat e preencha o formulário de reclamação (número do pedido, e-mail, "
          "fotos). Passei esta conversa para a nossa equipe e uma pessoa vai analisá-la hoje.",
    "nl": "Het spijt me dat er iets misging. Laat ons het direct oplossen voordat u naar uw bank gaat: open het "
          "tabblad „Return / refund” bovenaan deze chat en vul het claimformulier in (bestelnummer, e-mail, foto's). "
          "Ik heb dit gesprek doorgegeven aan ons team; een medewerker bekijkt het vandaag.",
    "pl": "Przykro mi, że coś poszło nie tak. Zanim zwrócisz się do banku, pozwól nam to załatwić bezpośrednio: "
          "otwórz zakładkę „Return / refund” u góry tego czatu i wypełnij formularz reklamacji (numer zamówienia, "
          "e-mail, zdjęcia). Przekazałem tę rozmowę naszemu zespołowi; konsultant zajmie się nią dzisiaj.",
    "ru": "Мне жаль, что так получилось. Прежде чем обращаться в банк, позвольте нам решить это напрямую: откройте "
          "вкладку «Return / refund» вверху этого чата и заполните форму претензии (номер заказа, e-mail, фото). "
          "Я передал этот разговор нашей команде; сотрудник рассмотрит его сегодня.",
    "tr": "Bir sorun yaşandığı için üzgünüm. Bankanıza başvurmadan önce lütfen bunu doğrudan çözmemize izin verin: "
          "bu sohbetin üstündeki “Return / refund” sekmesini açıp talep formunu doldurun (sipariş numarası, e-posta, "
          "fotoğraflar). Bu görüşmeyi ekibimize ilettim; bir temsilci bugün inceleyecek.",
    "ar": "نأسف لما حدث. قبل التوجه إلى البنك، دعنا نحل الأمر مباشرة: افتح تبويب «Return / refund» أعلى هذه الدردشة "
          "واملأ نموذج المطالبة (رقم الطلب، البريد الإلكتروني، الصور). لقد حوّلت هذه المحادثة إلى فريقنا، "
          "وسيراجعها أحد الموظفين اليوم.",
    "ja": "ご迷惑をおかけして申し訳ありません。銀行にご連絡される前に、当店で直接対応させてください。このチャット上部の"
          "「Return / refund」タブを開き、申請フォーム（注文番号、メールアドレス、写真）にご記入ください。"
          "この会話は当店のスタッフに引き継ぎました。本日中に担当者が確認します。",
    "ko": "불편을 드려 죄송합니다. 은행에 연락하시기 전에 저희가 직접 해결할 수 있도록 해 주세요. 이 채팅 상단의 "
          "“Return / refund” 탭을 열고 신청 양식(주문 번호, 이메일, 사진)을 작성해 주세요. 이 대화를 저희 팀에 "
          "전달했으며, 오늘 중으로 담당자가 확인할 예정입니다.",
}


def dispute_reply(language: str) -> str:
    return DISPUTE_REPLY.get(language, DISPUTE_REPLY["en"])
