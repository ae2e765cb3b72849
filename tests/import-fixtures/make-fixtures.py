#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the Flat ODF (.fodt) sources of the import fixtures and converts
# them with LibreOffice into the DOCX, ODT and PDF files the tests read:
#
#   apt-get install -y libreoffice-writer-nogui fonts-noto-core fonts-wqy-microhei
#   python3 tests/import-fixtures/make-fixtures.py
#
# The statements are our own sentences on the model of real ones (see
# tests/corpus/SOURCES.tsv). Inline marks in the texts below:
#   **bold**  *italic*  [+inserted+]  [-deleted-]  [^footnote^]  [#comment#]
#   [field:Place|Geneva] (a user field and its value)  \n (line break)
# Tracked changes are recorded, not accepted: the importer must accept
# them. Arabic is not justified: stretched Arabic lines come out of PDF
# text extraction cut into pieces. The PDF is written from a copy with the changes accepted (as a
# delegation prints its statement) and no comments.

import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

STATEMENTS = {
    'en-iom-statement': {
        'lang': 'en', 'country': 'GB', 'font': 'Liberation Serif', 'size': '14pt',
        'title': 'Statement by H.E. Ambassador Chen Xu', 'author': 'Drafting Unit',
        'date': '2023-11-20T09:30:00', 'header': 'Permanent Mission of China — IOM Council',
        'outputs': ['docx', 'odt', 'pdf'],
        'blocks': [
            ('mark', 'Check against delivery'),
            ('heading', 'Statement by H.E. Ambassador Chen Xu\\nat the 114th Session of the Council of IOM'),
            ('heading', '[field:Place|Geneva], 28 November 2023'),
            ('sal', 'Mr. Chairperson,'),
            ('p', 'At the outset, I would like to congratulate the members of the Bureau on their election, and wish the Director General every success in her first Council session[^See the report of the Council on its 113th session.^]. China commends the efforts of IOM on the reform of its budget and governance framework. I would like to highlight the following [-three -]points:'),
            ('li', '**Focus on the root causes.** The international community must forge a stronger consensus on development as the primary task, and work together to speed up economic recovery in order to build a solid foundation for dealing with migration issues. We call on all parties to seek the political settlement of conflicts and disputes, to promote reconstruction and reconciliation, and to reduce large-scale irregular movements of population.'),
            ('li', '**Protect the legitimate rights of migrants.** We welcome migrants who blend in with local communities and yield productivity dividends. We advocate law enforcement cooperation across borders for safe, orderly and regular migration[#Check this wording with the capital.#], and we stand firmly against smuggling and human trafficking, and against any stigmatization, racial discrimination and hatred.'),
            ('li', '**Upgrade migration services with new technologies.** We look forward to a [+rapid and +]strategic response based on the scientific forecasting of migration trends, the effective improvement of identification capabilities, and better matching of jobs and skills through data-driven tools.'),
            ('li', '**Enhance international cooperation on migration.** We welcome all member states to implement the Global Compact in accordance with their national conditions. Developed countries should deliver on their commitments, including official development assistance. We encourage IOM to increase its support for capacity-building in developing countries while it reforms itself.'),
            ('table', [['Priority', 'Contribution in 2024'], ['Root causes', 'USD 2 million'], ['Capacity-building', 'USD 1.5 million']]),
            ('sal', 'Mr. Chairperson,'),
            ('p', 'China has always been committed to cooperation on migration, and will continue to support IOM and the Director General, making its due contribution to global migration governance and to a community with a shared future for mankind. Our delegation stands ready to work with all member states, with the Administration and with our partners in civil society, so that the decisions of this session are carried out in full and on time, and so that every migrant is treated with dignity.'),
            ('p', 'I thank you.'),
        ],
    },
    'fr-iom-statement': {
        'lang': 'fr', 'country': 'FR', 'font': 'Liberation Serif', 'size': '12pt',
        'title': 'Déclaration du Sénégal', 'author': 'Mission permanente du Sénégal',
        'date': '2023-11-24T16:00:00', 'header': 'Mission permanente du Sénégal à Genève',
        'outputs': ['docx', 'odt', 'pdf'],
        'blocks': [
            ('heading', '114e session du Conseil de l’Organisation internationale pour les migrations'),
            ('heading', 'Déclaration de Son Excellence l’Ambassadeur,\\nReprésentant permanent du Sénégal'),
            ('mark', 'Vérifier à l’audition'),
            ('sal', 'Monsieur le Président,'),
            ('p', 'Ma délégation fait sienne la déclaration prononcée au nom du Groupe africain. Elle félicite les membres du Bureau pour leur élection et souhaite plein succès à la Directrice générale[^Élue par le Conseil le 29 mai 2023.^], qui conduit ici son premier Conseil.'),
            ('p', 'Pour un pays d’origine, de transit et de destination comme le nôtre, la migration est à la fois une réalité ancienne et une chance pour l’avenir. Ma délégation voudrait insister sur [-trois-][+deux+] priorités.'),
            ('p', '**Premièrement**, la réponse aux causes profondes de la migration irrégulière passe par l’emploi des jeunes et par la formation. Les programmes de réintégration conduits avec l’OIM permettront aux migrants de retour de retrouver une place *durable* au sein de leur communauté.'),
            ('p', '**Deuxièmement**, la protection des migrants le long des routes terrestres et maritimes exige une coopération plus étroite entre pays voisins[#Ajouter les chiffres du HCR ?#]. Trop de familles restent sans nouvelles de leurs proches disparus.'),
            ('table', [['Programme', 'Bénéficiaires'], ['Réintégration', '4 500'], ['Formation', '2 300']]),
            ('sal', 'Monsieur le Président,'),
            ('p', 'Le Sénégal réaffirme son attachement au Pacte mondial pour des migrations sûres, ordonnées et régulières.'),
            ('p', 'Je vous remercie.'),
        ],
    },
    'ar-iom-statement': {
        'lang': 'ar', 'country': 'EG', 'font': 'Noto Naskh Arabic', 'size': '14pt', 'rtl': True,
        'title': 'بيان جمهورية مصر العربية', 'author': 'البعثة الدائمة', 'date': '2023-11-27T11:00:00',
        'header': 'البعثة الدائمة لجمهورية مصر العربية في جنيف',
        'outputs': ['docx', 'odt', 'pdf'],
        'blocks': [
            ('heading', 'بيان جمهورية مصر العربية\\nأمام الدورة الرابعة عشرة بعد المائة لمجلس المنظمة الدولية للهجرة'),
            ('heading', 'جنيف، 29 نوفمبر 2023'),
            ('sal', 'السيد الرئيس،'),
            ('p', 'يود وفد مصر في البداية أن يتقدم إليكم بالتهنئة على انتخابكم لرئاسة هذه الدورة[^انتخب الرئيس في الجلسة الأولى.^]، وأن يرحب بالمديرة العامة في أول دورة للمجلس تحت قيادتها. وسأتناول في كلمتي ثلاث نقاط.'),
            ('p', '**أولاً**، تستضيف مصر أعداداً كبيرة من المهاجرين واللاجئين الذين يحصلون على الخدمات الأساسية أسوة بالمواطنين، وهو عبء يتطلب تقاسماً [+حقيقياً +]للمسؤولية من جانب المجتمع الدولي.'),
            ('p', '**ثانياً**، نؤكد أن معالجة الأسباب الجذرية للهجرة غير النظامية تمر عبر التنمية وخلق فرص العمل في بلدان المنشأ[#راجع الصياغة#]، لا عبر الحلول الأمنية وحدها.'),
            ('p', '**ثالثاً**، نشجع المنظمة على توسيع المسارات النظامية للهجرة، [-وعلى زيادة التمويل، -]وعلى دعم قدرات دول العبور في إدارة الحدود ومكافحة الاتجار بالبشر.'),
            ('sal', 'السيد الرئيس،'),
            ('p', 'تظل مصر شريكاً ملتزماً للمنظمة، وستواصل العمل مع الدول الأعضاء من أجل هجرة يحكمها القانون وتحفظ كرامة الإنسان.'),
            ('p', 'شكراً السيد الرئيس.'),
        ],
    },
    'zh-iom-statement': {
        'lang': 'zh', 'country': 'CN', 'font': 'WenQuanYi Micro Hei', 'size': '14pt', 'cjk': True,
        'title': '中国代表在国际移民组织理事会第114届会议上的发言', 'author': '中国常驻日内瓦代表团',
        'date': '2023-11-25T10:00:00', 'header': '中国常驻联合国日内瓦办事处和瑞士其他国际组织代表团',
        'outputs': ['docx', 'odt', 'pdf'],
        'blocks': [
            ('mark', '（以讲话为准）'),
            ('heading', '中国常驻联合国日内瓦办事处和瑞士其他国际组织代表\\n在国际移民组织理事会第114届会议一般性辩论中的发言'),
            ('heading', '（2023年11月29日，日内瓦）'),
            ('sal', '主席先生：'),
            ('p', '中方祝贺你当选本届理事会主席，相信在你的主持下，会议一定能取得积极成果[^理事会于11月27日开幕。^]。中方也欢迎新任总干事首次出席理事会会议。结合当前全球移民形势，我愿谈以下几点看法：'),
            ('p', '**第一**，着力消除移民问题的根源。战乱冲突和发展失衡是大规模非正常流动的主要成因。国际社会应推动政治解决热点问题，帮助来源国恢复经济，让民众能够安居乐业。战乱冲突和发展失衡是大规模非正常流动的主要成因，国际社会应当标本兼治，综合施策。'),
            ('p', '**第二**，切实保障移民的合法权益。各国应畅通正常移民渠道，加强执法合作[#请核对#]，依法惩治偷渡、贩卖人口等犯罪活动，反对任何形式的歧视和排外言论。'),
            ('p', '**第三**，推动移民组织提升治理效能。中方支持移民组织深化[+预算和+]管理改革，增加对发展中国家的能力建设投入[-和资金支持-]，让发展中国家在秘书处人员构成中有更多声音。'),
            ('sal', '主席先生：'),
            ('p', '中方将继续以建设性姿态参与全球移民治理，同各方一道为移民福祉作出积极贡献。'),
            ('p', '谢谢主席。'),
        ],
    },
    'es-iom-statement': {
        'lang': 'es', 'country': 'ES', 'font': 'Liberation Serif', 'size': '12pt',
        'title': 'Intervención de la SEGIB', 'author': 'SEGIB', 'date': '2023-11-22T12:00:00',
        'header': 'Secretaría General Iberoamericana',
        'outputs': ['docx'],
        'blocks': [
            ('heading', 'Intervención ante el Consejo de la Organización Internacional para las Migraciones\\n114.º período de sesiones'),
            ('mark', 'Cotejar con el discurso pronunciado'),
            ('sal', 'Señor Presidente:'),
            ('p', 'En nombre de la Secretaría General Iberoamericana, agradezco la oportunidad de tomar la palabra en este Consejo y felicito a los miembros de la Mesa por su elección.'),
            ('li', 'La cooperación entre la OIM y los mecanismos regionales evita duplicaciones y multiplica el alcance de cada proyecto.'),
            ('li', 'La inclusión de las personas migrantes pasa por el reconocimiento de sus títulos y por la portabilidad de sus derechos[^Convenio Multilateral Iberoamericano de Seguridad Social.^].'),
            ('li', 'Las diásporas son actores del desarrollo y no solo destinatarias de políticas.'),
            ('p', 'Gracias, señor Presidente.'),
        ],
    },
    'ru-iom-statement': {
        'lang': 'ru', 'country': 'RU', 'font': 'Liberation Serif', 'size': '12pt',
        'title': 'Выступление делегации Республики Беларусь', 'author': 'Постоянное представительство',
        'date': '2023-11-26T15:00:00', 'header': 'Постоянное представительство Республики Беларусь',
        'outputs': ['odt', 'pdf'],
        'blocks': [
            ('heading', '114-я сессия Совета МОМ\\nОбщие прения'),
            ('heading', 'Выступление главы делегации Республики Беларусь'),
            ('sal', 'Уважаемый господин Председатель!'),
            ('p', 'Позвольте поздравить Вас и членов Бюро с избранием и заверить в поддержке белорусской делегации. Белорусская делегация хотела бы отметить следующие моменты.'),
            ('p', '**Во-первых**, миграционные потоки все в большей степени порождаются не только конфликтами, но и экономическими потрясениями[^Доклад Генерального директора.^]. Односторонние ограничительные меры подрывают экономику целых регионов.'),
            ('p', '**Во-вторых**, Беларусь последовательно выступает за укрепление сотрудничества в противодействии торговле людьми[#Уточнить#]. Считаем важным, чтобы МОМ продолжала оказывать странам [+техническое +]содействие.'),
            ('p', 'Благодарю за внимание.'),
        ],
    },
}

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"')

TOKEN = re.compile(r'\*\*(.+?)\*\*|\*(.+?)\*|\[\+(.+?)\+\]|\[-(.+?)-\]|\[\^(.+?)\^\]|\[#(.+?)#\]|\[field:(\w+)\|(.+?)\]|\\n')


class Doc:
    def __init__(self, accepted):
        self.accepted = accepted
        self.changes = []
        self.notes = 0
        self.fields = {}

    def inline(self, text):
        out = []
        pos = 0
        for m in TOKEN.finditer(text):
            out.append(escape(text[pos:m.start()]))
            pos = m.end()
            bold, italic, ins, dele, note, comment, fname, fvalue = m.groups()
            if bold is not None:
                out.append('<text:span text:style-name="Tbold">%s</text:span>' % self.inline(bold))
            elif italic is not None:
                out.append('<text:span text:style-name="Titalic">%s</text:span>' % self.inline(italic))
            elif ins is not None:
                if self.accepted:
                    out.append(escape(ins))
                else:
                    cid = 'ct%d' % (len(self.changes) + 1)
                    self.changes.append((cid, 'insertion', None))
                    out.append('<text:change-start text:change-id="%s"/>%s<text:change-end text:change-id="%s"/>'
                               % (cid, escape(ins), cid))
            elif dele is not None:
                if not self.accepted:
                    cid = 'ct%d' % (len(self.changes) + 1)
                    self.changes.append((cid, 'deletion', dele))
                    out.append('<text:change text:change-id="%s"/>' % cid)
            elif note is not None:
                self.notes += 1
                out.append('<text:note text:id="ftn%d" text:note-class="footnote">'
                           '<text:note-citation>%d</text:note-citation><text:note-body>'
                           '<text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
                           % (self.notes, self.notes, escape(note)))
            elif comment is not None:
                if not self.accepted:
                    out.append('<office:annotation><dc:creator>Reviewer</dc:creator>'
                               '<dc:date>2023-11-21T10:00:00</dc:date><text:p>%s</text:p>'
                               '</office:annotation>' % escape(comment))
            elif fname is not None:
                self.fields[fname] = fvalue
                out.append('<text:user-field-get text:name="%s">%s</text:user-field-get>'
                           % (fname, escape(fvalue)))
            else:
                out.append('<text:line-break/>')
        out.append(escape(text[pos:]))
        return ''.join(out)


def fodt(name, s, accepted):
    doc = Doc(accepted)
    body = []
    in_list = False
    for kind, content in s['blocks']:
        if kind != 'li' and in_list:
            body.append('</text:list>')
            in_list = False
        if kind == 'heading':
            body.append('<text:p text:style-name="Pheading">%s</text:p>' % doc.inline(content))
        elif kind == 'mark':
            body.append('<text:p text:style-name="Pmark">%s</text:p>' % doc.inline(content))
        elif kind == 'sal':
            body.append('<text:p text:style-name="Pbody">%s</text:p>' % doc.inline(content))
        elif kind == 'p':
            body.append('<text:p text:style-name="Pbody">%s</text:p>' % doc.inline(content))
        elif kind == 'li':
            if not in_list:
                body.append('<text:list text:style-name="Lnum">')
                in_list = True
            body.append('<text:list-item><text:p text:style-name="Plist">%s</text:p></text:list-item>'
                        % doc.inline(content))
        elif kind == 'table':
            rows = ''.join('<table:table-row>%s</table:table-row>' % ''.join(
                '<table:table-cell office:value-type="string"><text:p text:style-name="Pcell">%s</text:p></table:table-cell>'
                % doc.inline(cell) for cell in row) for row in content)
            body.append('<table:table table:name="Table1"><table:table-column table:number-columns-repeated="%d"/>%s</table:table>'
                        % (len(content[0]), rows))
    if in_list:
        body.append('</text:list>')

    decls = ''.join('<text:user-field-decl office:value-type="string" office:string-value="%s" text:name="%s"/>'
                    % (escape(v), n) for n, v in doc.fields.items())
    if decls:
        decls = '<text:user-field-decls>%s</text:user-field-decls>' % decls
    tracked = ''
    if doc.changes:
        regions = []
        for cid, kind, deleted in doc.changes:
            info = ('<office:change-info><dc:creator>Reviewer</dc:creator>'
                    '<dc:date>2023-11-21T10:00:00</dc:date></office:change-info>')
            if kind == 'insertion':
                regions.append('<text:changed-region text:id="%s"><text:insertion>%s</text:insertion></text:changed-region>'
                               % (cid, info))
            else:
                regions.append('<text:changed-region text:id="%s"><text:deletion>%s<text:p>%s</text:p></text:deletion></text:changed-region>'
                               % (cid, info, escape(deleted)))
        tracked = '<text:tracked-changes text:track-changes="true">%s</text:tracked-changes>' % ''.join(regions)

    lang, country, font, size = s['lang'], s['country'], s['font'], s['size']
    rtl = s.get('rtl', False)
    cjk = s.get('cjk', False)
    # Western, Asian and complex-script properties all name the font and
    # language, so that each script finds its glyphs.
    char = ('style:font-name="%s" fo:font-size="%s" style:font-name-asian="%s" style:font-size-asian="%s" '
            'style:font-name-complex="%s" style:font-size-complex="%s" ' % (font, size, font, size, font, size))
    if cjk:
        char += 'style:language-asian="%s" style:country-asian="%s" fo:language="en" fo:country="US"' % (lang, country)
    elif rtl:
        char += 'style:language-complex="%s" style:country-complex="%s" fo:language="en" fo:country="US"' % (lang, country)
    else:
        char += 'fo:language="%s" fo:country="%s"' % (lang, country)
    direction = 'style:writing-mode="rl-tb"' if rtl else 'style:writing-mode="lr-tb"'
    bold = 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'
    italic = 'fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"'

    return '''<?xml version="1.0" encoding="UTF-8"?>
<office:document %(ns)s>
 <office:meta>
  <dc:title>%(title)s</dc:title>
  <meta:initial-creator>%(author)s</meta:initial-creator>
  <dc:creator>%(author)s</dc:creator>
  <meta:creation-date>%(date)s</meta:creation-date>
  <dc:date>%(date)s</dc:date>
  <dc:language>%(lang)s-%(country)s</dc:language>
 </office:meta>
 <office:font-face-decls>
  <style:font-face style:name="%(font)s" svg:font-family="'%(font)s'"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties %(direction)s/>
   <style:text-properties %(char)s/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph">
   <style:paragraph-properties %(direction)s fo:margin-bottom="0.25cm"/>
   <style:text-properties %(char)s/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt" style:font-size-complex="9pt"/>
  </style:style>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt" style:font-size-complex="9pt"/>
  </style:style>
  <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt" style:font-size-complex="9pt"/>
  </style:style>
  <text:list-style style:name="Lnum">
   <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.6cm" fo:margin-left="0.6cm"/>
    </style:list-level-properties>
   </text:list-level-style-number>
  </text:list-style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="Pheading" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>
   <style:text-properties %(bold)s/>
  </style:style>
  <style:style style:name="Pmark" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="end"/>
   <style:text-properties %(italic)s/>
  </style:style>
  <style:style style:name="Pbody" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="%(body_align)s" fo:margin-bottom="0.3cm" fo:line-height="130%%"/>
  </style:style>
  <style:style style:name="Plist" style:family="paragraph" style:parent-style-name="Pbody" style:list-style-name="Lnum"/>
  <style:style style:name="Pcell" style:family="paragraph" style:parent-style-name="Standard"/>
  <style:style style:name="Tbold" style:family="text"><style:text-properties %(bold)s/></style:style>
  <style:style style:name="Titalic" style:family="text"><style:text-properties %(italic)s/></style:style>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm" %(direction)s/>
   <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="Header">%(header)s</text:p></style:header>
   <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
   %(tracked)s
   %(decls)s
   %(body)s
  </office:text>
 </office:body>
</office:document>
''' % dict(ns=NS, title=escape(s['title']), author=escape(s['author']), date=s['date'], lang=lang,
           country=country, font=font, direction=direction, char=char, bold=bold, italic=italic,
           header=escape(s['header']), tracked=tracked, decls=decls,
           body_align='start' if rtl else 'justify', body='\n   '.join(body))


def convert(source, fmt, outdir, profile):
    subprocess.run(['soffice', '--headless', '-env:UserInstallation=file://' + profile,
                    '--convert-to', fmt, '--outdir', outdir, source],
                   check=True, stdout=subprocess.DEVNULL)


def main():
    if shutil.which('soffice') is None:
        sys.exit('make-fixtures: soffice is missing (apt-get install -y libreoffice-writer-nogui)')
    profile = tempfile.mkdtemp(prefix='lo-profile-')
    work = tempfile.mkdtemp(prefix='lo-work-')
    try:
        for name, s in STATEMENTS.items():
            source = os.path.join(HERE, name + '.fodt')
            with open(source, 'w', encoding='utf-8') as f:
                f.write(fodt(name, s, accepted=False))
            for fmt in s['outputs']:
                if fmt == 'pdf':
                    # Printed as delivered: changes accepted, no comments.
                    printed = os.path.join(work, name + '.fodt')
                    with open(printed, 'w', encoding='utf-8') as f:
                        f.write(fodt(name, s, accepted=True))
                    convert(printed, 'pdf', HERE, profile)
                else:
                    convert(source, fmt, HERE, profile)
                print('wrote', name + '.' + fmt)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
