#!/usr/bin/env python3
"""Write the small PDF files that the demo content links to.

Self-contained (Python 3 standard library only). Each PDF is built by hand:
objects, an uncompressed text content stream per page, the xref table and the
trailer. Fonts are the standard Type 1 Helvetica and Helvetica-Bold with
WinAnsiEncoding, so Spanish accents work without embedding anything.

The output is deterministic: running the script twice gives identical bytes.

Usage:
    python3 tools/make-demo-files.py            # writes under ./content next to tools/
    python3 tools/make-demo-files.py ROOT       # writes under ROOT instead
"""

import os
import sys
import textwrap

PAGE_W, PAGE_H = 595, 842          # A4 in points
MARGIN_X, TOP_Y = 60, 780
BODY_SIZE, BODY_LEADING = 10.5, 15
WRAP = 92                           # characters per line at 10.5 pt Helvetica
CREATED = "D:20260301120000Z"        # fixed, so the files do not change between runs

# --------------------------------------------------------------------------
# Documents. Each entry: relative path -> (title, subtitle, pages).
# A page is a list of blocks: ("h", text) for a heading, ("p", text) for a
# paragraph, ("li", text) for a bullet item.
# --------------------------------------------------------------------------

DOCS = {
    # ---------------- Workshop presentations ----------------
    "workshops/e-government-mexico-city-2001/ventanilla-unica-ciudad-de-mexico.pdf": (
        "La ventanilla única de licencias: primeros pasos",
        "Laura Patricia Mendoza Ríos, Ciudad de México · Taller de gobierno electrónico, febrero de 2001",
        [
            [
                ("h", "1. El problema"),
                ("p", "Para abrir un negocio pequeño, un comerciante debía visitar cinco oficinas distintas: uso de "
                      "suelo, salud, protección civil, catastro y tesorería. Cada oficina pedía copias de documentos "
                      "que la misma administración ya tenía."),
                ("h", "2. Lo que hicimos primero"),
                ("li", "Inventario de trámites: requisito, norma que lo sustenta, oficina y tiempo real de respuesta."),
                ("li", "Entrevistas con comerciantes para conocer el recorrido real, no el oficial."),
                ("li", "Eliminación de requisitos sin base legal y de copias innecesarias."),
                ("li", "Catálogo de giros de bajo riesgo con licencia inmediata e inspección posterior."),
            ],
            [
                ("h", "3. Lecciones"),
                ("p", "Depurar los requisitos antes de automatizar. Un sistema informático que reproduce un trámite "
                      "mal diseñado solo hace más rápido un mal servicio."),
                ("p", "El personal de ventanilla necesita autoridad para resolver. Si solo recibe papeles, el "
                      "ciudadano vuelve a peregrinar por las oficinas."),
                ("h", "4. Próximos pasos"),
                ("li", "Publicar cada mes los tiempos promedio de respuesta."),
                ("li", "Formulario único en línea para los giros de bajo riesgo."),
            ],
        ],
    ),
    "workshops/e-government-mexico-city-2001/informacion-municipal-en-internet-san-jose.pdf": (
        "Información municipal en Internet: el caso de San José",
        "Esteban Carrillo Vega, San José · Taller de gobierno electrónico, febrero de 2001",
        [
            [
                ("h", "Punto de partida"),
                ("p", "La municipalidad tenía información valiosa dispersa en oficinas y hojas de cálculo. El "
                      "primer objetivo del sitio web fue ordenarla y publicarla: requisitos de trámites, horarios "
                      "de recolección, presupuesto aprobado y noticias."),
                ("h", "Qué aprendimos"),
                ("li", "Poca información, pero actualizada, vale más que mucha información vieja."),
                ("li", "Cada página necesita una persona responsable de su actualización."),
                ("li", "Las páginas deben ser livianas: muchos vecinos se conectan desde cafés internet."),
                ("h", "Preguntas para la comunidad"),
                ("li", "¿Cómo medir si la información publicada ahorra visitas a la municipalidad?"),
                ("li", "¿Qué información conviene publicar primero?"),
            ],
        ],
    ),
    "workshops/urban-upgrading-san-salvador-2001/legalizacion-de-lotificaciones-san-salvador.pdf": (
        "Legalización de lotificaciones en el área metropolitana",
        "Rosa Margarita Alvarado, San Salvador · Taller de mejoramiento de barrios, junio de 2001",
        [
            [
                ("h", "Contexto"),
                ("p", "Muchas familias compraron de buena fe lotes en lotificaciones sin permiso y sin servicios. "
                      "Años después descubren que no pueden inscribir su lote ni obtener crédito para construir."),
                ("h", "Pasos del proceso"),
                ("li", "Diagnóstico legal del terreno y del lotificador."),
                ("li", "Censo de familias y levantamiento de cada lote con la directiva presente."),
                ("li", "Ajuste del trazado para dejar pasajes, servidumbres y áreas comunales."),
                ("li", "Resolución de casos de doble venta y herencias."),
                ("li", "Inscripción del título a nombre de ambos miembros de la pareja."),
            ],
            [
                ("h", "Lecciones"),
                ("p", "No prometer fechas de entrega antes del diagnóstico legal. Trabajar con el registro de la "
                      "propiedad desde el primer día. Evaluar el riesgo antes de titular lotes en laderas o riberas."),
                ("p", "Después de los terremotos de 2001, varias comunidades afectadas estaban en lotes sin "
                      "legalizar; la reconstrucción obligó a acelerar estos procesos."),
            ],
        ],
    ),
    "workshops/urban-upgrading-san-salvador-2001/mejoramiento-de-barrios-por-etapas-managua.pdf": (
        "Mejoramiento de barrios por etapas en Managua",
        "Francisco Javier Obando, Managua · Taller de mejoramiento de barrios, junio de 2001",
        [
            [
                ("h", "Por qué por etapas"),
                ("p", "Sin recursos para hacerlo todo a la vez, organizamos el trabajo en tres etapas. La "
                      "restricción terminó siendo una ventaja: cada etapa prepara la siguiente."),
                ("li", "Etapa 1: censo, trazado y regularización de la tenencia."),
                ("li", "Etapa 2: red de agua potable, cunetas y drenaje pluvial."),
                ("li", "Etapa 3: pavimento, alumbrado y espacio público."),
                ("h", "Contratación comunitaria"),
                ("p", "Las obras menores se encargan a la organización del barrio, con desembolsos en tramos "
                      "contra avance verificado y rendición de cuentas en asamblea."),
                ("h", "Dificultades"),
                ("li", "Lentitud del registro y lotes vendidos dos veces."),
                ("li", "Meses sin obra visible entre una etapa y otra."),
            ],
        ],
    ),
    "workshops/disaster-risk-tegucigalpa-2002/tegucigalpa-despues-del-mitch.pdf": (
        "Tegucigalpa después del Mitch: de la emergencia a la prevención",
        "José Ramón Barahona, Tegucigalpa · Taller de gestión de desastres, enero de 2002",
        [
            [
                ("h", "Lo que nos enseñó el Mitch"),
                ("p", "En octubre de 1998 las lluvias provocaron deslizamientos en varios sectores de la ciudad. "
                      "Muchos se conocían o se intuían: había grietas, fugas y rellenos que los vecinos veían "
                      "crecer. Faltaba un sistema para convertir esa información en decisiones."),
                ("h", "Tres líneas de trabajo"),
                ("li", "Conocer el riesgo: mapas técnicos y mapas comunitarios, comparados en campo."),
                ("li", "Reducir la amenaza: drenaje, reparación de fugas y control de cortes en laderas."),
                ("li", "Organizar la respuesta: comités, pluviómetros, rutas de evacuación y simulacros."),
            ],
            [
                ("h", "El agua manda"),
                ("p", "Las obras más sencillas fueron las más eficaces: cunetas y canaletas para sacar el agua "
                      "de lluvia de la ladera y reparación de fugas de tuberías. Los muros de contención se "
                      "reservan para los puntos sin alternativa."),
                ("h", "Pendientes"),
                ("li", "Evitar que se vuelvan a ocupar los lotes desalojados."),
                ("li", "Mantener motivados a los voluntarios año tras año."),
            ],
        ],
    ),
    "workshops/disaster-risk-tegucigalpa-2002/alerta-temprana-con-pluviometros-comunitarios.pdf": (
        "Alerta temprana con pluviómetros comunitarios",
        "Claudia Beatriz Henríquez, San Salvador · Taller de gestión de desastres, enero de 2002",
        [
            [
                ("h", "Los cuatro componentes"),
                ("li", "Conocimiento del riesgo: qué zonas se inundan o se deslizan y con cuánta lluvia."),
                ("li", "Monitoreo: pluviómetros leídos por voluntarios y observación de grietas."),
                ("li", "Difusión: radio, teléfono, megáfono y sirena; si falla uno, funciona otro."),
                ("li", "Respuesta: comités, rutas de evacuación, albergues y simulacros."),
                ("h", "Umbrales"),
                ("p", "Definimos con el equipo técnico cuánta lluvia en una hora o acumulada en tres días activa "
                      "cada nivel de alerta: verde, amarillo y rojo. Los umbrales se revisan después de cada "
                      "temporada para evitar falsas alarmas, que restan credibilidad."),
                ("h", "Lección principal"),
                ("p", "Los sistemas fallan más por organización que por tecnología. El equipo es barato; lo "
                      "costoso es mantener la red de voluntarios funcionando."),
            ],
        ],
    ),
    # ---------------- Manuals ----------------
    "manuals/participatory-budgeting/manual-presupuesto-participativo.pdf": (
        "Manual de presupuesto participativo",
        "Comunidades de finanzas municipales y de mejoramiento de barrios · Ayuda Urbana, 2002",
        [
            [
                ("h", "Presentación"),
                ("p", "Este manual describe un ciclo anual completo de presupuesto participativo, desde la "
                      "decisión del monto hasta la rendición de cuentas. No propone un modelo único: presenta "
                      "opciones, con sus ventajas y riesgos, y ejemplos de San Salvador y Tegucigalpa."),
                ("h", "Índice"),
                ("li", "1. Qué es y qué no es un presupuesto participativo"),
                ("li", "2. Decisiones previas: monto, zonas y reglas"),
                ("li", "3. El reglamento: un modelo comentado"),
                ("li", "4. Calendario del ciclo anual"),
                ("li", "5. Asambleas informativas"),
                ("li", "6. Propuestas ciudadanas y revisión técnica"),
                ("li", "7. Votación y elección de delegados"),
                ("li", "8. Incorporación al presupuesto"),
                ("li", "9. Ejecución y seguimiento"),
                ("li", "10. Rendición de cuentas y evaluación"),
            ],
            [
                ("h", "2. Decisiones previas"),
                ("p", "Mejor un monto pequeño y cumplido que uno grande y a medias. El primer año se juega la "
                      "credibilidad del proceso: no empiece si no puede ejecutar las obras elegidas."),
                ("p", "Reparta el monto entre zonas con una fórmula pública que combine población y carencias. "
                      "Defina qué no se puede votar: gasto corriente, deuda y obras ya comprometidas."),
                ("h", "5. Asambleas informativas"),
                ("p", "Explique cuánto dinero hay, qué tipo de obras caben y cuánto cuesta cada una de forma "
                      "aproximada. Las asambleas funcionan mejor en horarios accesibles y con cuidado de niños."),
            ],
            [
                ("h", "6. Revisión técnica"),
                ("p", "Antes de votar, el equipo técnico revisa cada propuesta: costo, terreno disponible, "
                      "permisos y riesgo. Así se evita aprobar obras imposibles o en zonas de riesgo."),
                ("h", "10. Rendición de cuentas"),
                ("p", "Antes de abrir un nuevo ciclo, presente a cada zona el avance de las obras elegidas el "
                      "año anterior, con un tablero público y la participación de los delegados."),
                ("h", "Anexos"),
                ("li", "Formulario de propuesta ciudadana."),
                ("li", "Modelo de acta de asamblea."),
                ("li", "Hoja de costos de referencia por tipo de obra."),
            ],
        ],
    ),
    "manuals/participatory-budgeting/participatory-budgeting-manual.pdf": (
        "Participatory budgeting manual (summary)",
        "Municipal finance and urban upgrading communities · Ayuda Urbana, 2002",
        [
            [
                ("h", "About this edition"),
                ("p", "This is a summary in English of the Spanish manual. It describes a complete yearly cycle of "
                      "participatory budgeting, from deciding the amount to reporting back, with examples from "
                      "San Salvador and Tegucigalpa."),
                ("h", "Contents"),
                ("li", "1. What participatory budgeting is and is not"),
                ("li", "2. Early decisions: amount, districts and rules"),
                ("li", "3. The rules: an annotated model"),
                ("li", "4. Calendar of the yearly cycle"),
                ("li", "5. Information assemblies"),
                ("li", "6. Citizen proposals and technical review"),
                ("li", "7. Voting and electing delegates"),
                ("li", "8. Inclusion in the budget"),
                ("li", "9. Execution and follow-up"),
                ("li", "10. Reporting back and evaluation"),
            ],
            [
                ("h", "Key advice"),
                ("li", "Better a small amount, delivered, than a large one half-done."),
                ("li", "Split the amount between districts with a public formula."),
                ("li", "Review every proposal technically before the vote."),
                ("li", "Invite council members to observe the assemblies."),
                ("li", "Report on last year's works before opening a new cycle."),
                ("p", "The first year decides the credibility of the process: do not start if you cannot build "
                      "the works residents choose."),
            ],
        ],
    ),
    "manuals/cadastre-update/manual-actualizacion-catastral.pdf": (
        "Manual de actualización catastral",
        "Comunidad de finanzas municipales · Ayuda Urbana, 2003",
        [
            [
                ("h", "Presentación"),
                ("p", "Un catastro al día es la base de un impuesto predial justo. Este manual explica cómo "
                      "actualizarlo por etapas, empezando donde más rinde, y cómo mantenerlo al día conectándolo "
                      "con los permisos de construcción."),
                ("h", "Índice"),
                ("li", "1. Por qué actualizar: catastro, recaudación y equidad"),
                ("li", "2. Diagnóstico con fuentes externas"),
                ("li", "3. Cartografía base y sistema de información geográfica"),
                ("li", "4. Plan por sectores y presupuesto"),
                ("li", "5. Levantamiento de campo"),
                ("li", "6. Valuación: zonas homogéneas y tipologías"),
                ("li", "7. Notificación, comunicación y reclamos"),
                ("li", "8. Mantenimiento: el vínculo con los permisos"),
                ("li", "9. Indicadores de seguimiento"),
            ],
            [
                ("h", "2. Diagnóstico"),
                ("p", "Compare el número de predios y las superficies construidas del catastro con imágenes "
                      "aéreas recientes y con los registros de conexiones de agua y electricidad. La diferencia "
                      "estima la desactualización y permite ordenar los sectores por prioridad."),
                ("h", "4. Plan por sectores"),
                ("p", "Empiece por los sectores con mayor brecha entre lo registrado y lo construido. Los "
                      "ingresos adicionales de los primeros sectores ayudan a financiar los siguientes."),
                ("h", "6. Valuación"),
                ("p", "Defina zonas homogéneas con un valor de terreno por metro cuadrado y una tabla de "
                      "tipologías constructivas. Publique las tablas: la transparencia reduce los reclamos."),
            ],
            [
                ("h", "8. Mantenimiento"),
                ("p", "Cada permiso de construcción otorgado genera una actualización pendiente en el catastro, "
                      "y cada inspección final la confirma. Sin este vínculo, el catastro vuelve a quedar "
                      "obsoleto en pocos años."),
                ("h", "Anexos"),
                ("li", "Ficha predial de campo."),
                ("li", "Tabla modelo de tipologías constructivas."),
                ("li", "Formato de reclamo del avalúo."),
            ],
        ],
    ),
    "manuals/community-risk-maps/guia-mapas-comunitarios-de-riesgo.pdf": (
        "Guía para elaborar mapas comunitarios de riesgo",
        "Alcaldías de Tegucigalpa y Managua · Comunidad de gestión de desastres, Ayuda Urbana, 2002",
        [
            [
                ("h", "Para qué sirve esta guía"),
                ("p", "Para que técnicos municipales y vecinos elaboren juntos el mapa de riesgo de su barrio y "
                      "lo conviertan en un plan de emergencia. Está pensada para imprimirse y llevarse al barrio."),
                ("h", "Índice"),
                ("li", "1. Amenaza, vulnerabilidad y riesgo en palabras sencillas"),
                ("li", "2. Antes del taller"),
                ("li", "3. El taller de dibujo del barrio"),
                ("li", "4. El recorrido de campo"),
                ("li", "5. El mapa final"),
                ("li", "6. Del mapa al plan de emergencia"),
                ("li", "7. El simulacro"),
                ("li", "8. Cómo usa la alcaldía el mapa"),
                ("li", "9. Mantener vivo el mapa"),
            ],
            [
                ("h", "3. El taller de dibujo"),
                ("p", "Los vecinos dibujan el barrio de memoria en un papel grande: calles, quebradas, casas, "
                      "escuela, iglesia. No corrija el dibujo; pregunte. Lo que la gente recuerda dice mucho de "
                      "cómo usa el barrio."),
                ("h", "4. El recorrido de campo"),
                ("p", "Caminen juntos técnicos y vecinos. Marquen grietas, rellenos, tuberías rotas, casas al "
                      "borde de taludes y puntos de inundación. Anote quién vive en cada casa expuesta y si hay "
                      "personas que necesitarán ayuda para evacuar."),
            ],
            [
                ("h", "5. El mapa final"),
                ("p", "Use colores acordados: rojo para riesgo alto, amarillo para medio. Dibuje las rutas de "
                      "evacuación y los puntos de encuentro. Deje una copia en un lugar público y otra en la "
                      "alcaldía."),
                ("h", "9. Mantener vivo el mapa"),
                ("p", "Revíselo cada año antes de la temporada de lluvias. Involucrar a jóvenes y a la escuela "
                      "ayuda a que alguien se ocupe de actualizarlo."),
            ],
        ],
    ),
    # ---------------- Webinar slides ----------------
    "webinars/solid-waste-tariffs/tarifas-residuos-solidos.pdf": (
        "Tarifas de residuos sólidos",
        "Seminario web de la comunidad de saneamiento ambiental · 18 de septiembre de 2025",
        [
            [
                ("h", "1. Costear el servicio completo"),
                ("li", "Barrido, recolección, transporte, disposición final, administración y cobro."),
                ("li", "Incluir lo que pagan otras dependencias: taller, combustible, seguros."),
                ("li", "Un año completo de datos, por actividad."),
                ("h", "2. Categorías simples"),
                ("li", "Vivienda por tamaño de predio, comercio pequeño, comercio grande."),
                ("li", "Grandes generadores con cobro por volumen (requiere pesaje)."),
                ("li", "Tarifa social para los predios más pequeños."),
            ],
            [
                ("h", "3. Explicar antes de decidir"),
                ("p", "Una hoja de una página: cuánto cuesta el servicio, cuánto paga hoy un hogar típico y "
                      "cuánto pagaría con la propuesta. Presentarla a juntas vecinales y comerciantes antes "
                      "del concejo."),
                ("h", "4. Cobrar de verdad"),
                ("li", "Padrón de usuarios cruzado con el catastro."),
                ("li", "Cobro junto con la factura de agua o electricidad, con convenio."),
                ("li", "Seguimiento mensual de lo facturado y lo cobrado."),
                ("p", "Ponentes: Marta Elena Quintanilla (San Salvador) y Héctor Manuel Sosa Girón "
                      "(Ciudad de Guatemala)."),
            ],
        ],
    ),
    "webinars/open-data-portals/datos-abiertos-municipales.pdf": (
        "Datos abiertos municipales con poco personal",
        "Seminario web de la comunidad de gobierno electrónico · 19 de febrero de 2026",
        [
            [
                ("h", "Qué publicar primero"),
                ("li", "Presupuesto aprobado y ejecutado."),
                ("li", "Contratos y proveedores."),
                ("li", "Ubicación de servicios: mercados, clínicas, paradas."),
                ("li", "Horarios de recolección de basura por barrio."),
                ("h", "Cómo mantenerlo vivo"),
                ("li", "Pocos conjuntos, actualizados cada mes."),
                ("li", "Exportación automática desde el sistema de origen."),
                ("li", "Una ficha por conjunto: contenido, fecha de corte, frecuencia, contacto."),
                ("li", "Formatos abiertos: CSV para tablas, GeoJSON para mapas."),
            ],
            [
                ("h", "Cuidados"),
                ("p", "Quite nombres, números de identidad y direcciones de personas antes de publicar. Revise "
                      "con el área jurídica. No retire datos incómodos una vez publicados."),
                ("h", "Medir el uso"),
                ("p", "Registre las descargas por conjunto y las preguntas recibidas. Un conjunto que nadie "
                      "usa es una señal para preguntar a quién le serviría."),
                ("p", "Ponentes: Diego Armando Villalobos (Ciudad de México) y Sofía Alejandra Cruz Mena "
                      "(San José)."),
            ],
        ],
    ),
    "webinars/school-seismic-retrofitting/reforzamiento-sismico-escuelas.pdf": (
        "Reforzamiento sísmico de escuelas",
        "Seminario web de la comunidad de gestión de desastres · 18 de junio de 2026",
        [
            [
                ("h", "Priorizar"),
                ("li", "Inventario de escuelas: año, sistema estructural, matrícula, uso como albergue."),
                ("li", "Evaluación visual rápida con formulario estándar: alta, media o baja."),
                ("li", "Evaluación detallada solo de las escuelas de prioridad alta."),
                ("h", "Programar sin cerrar la escuela"),
                ("li", "Obras por alas o pabellones."),
                ("li", "Trabajos pesados en vacaciones escolares."),
                ("li", "Aulas temporales cuando la obra se prolonga."),
            ],
            [
                ("h", "No olvidar"),
                ("li", "Elementos no estructurales: tanques, cielos falsos, fachadas, estanterías."),
                ("li", "En laderas, revisar el drenaje del terreno junto con la estructura."),
                ("li", "Supervisión estricta de anclajes y empalmes."),
                ("h", "Informar a las familias"),
                ("p", "Explique qué se hará, por qué y cuándo, sin alarmar. Una reunión con padres y docentes "
                      "antes de empezar evita rumores y conflictos."),
                ("p", "Ponentes: Ana Gabriela Castillo Morán (Managua) y José Ramón Barahona (Tegucigalpa)."),
            ],
        ],
    ),
}


# --------------------------------------------------------------------------
# PDF writing
# --------------------------------------------------------------------------

def pdf_text(s):
    """Encode a string as a PDF literal string in WinAnsiEncoding (cp1252)."""
    raw = s.encode("cp1252")
    out = bytearray(b"(")
    for b in raw:
        if b in (0x28, 0x29, 0x5C):          # ( ) backslash
            out += b"\\" + bytes([b])
        elif b < 0x20 or b > 0x7E:
            out += b"\\%03o" % b
        else:
            out.append(b)
    out += b")"
    return bytes(out)


def pdf_info_text(s):
    """Encode a string for the Info dictionary as UTF-16BE with BOM (hex string)."""
    return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def page_stream(title, subtitle, blocks, page_no, page_count):
    y = TOP_Y
    ops = [b"BT"]

    def put(font, size, x, text):
        nonlocal y
        ops.append(b"/%s %s Tf 1 0 0 1 %d %d Tm " % (font, str(size).encode(), x, y) + pdf_text(text) + b" Tj")

    if page_no == 1:
        for chunk in textwrap.wrap(title, 48):
            put(b"F2", 20, MARGIN_X, chunk)
            y -= 26
        y -= 2
        for chunk in textwrap.wrap(subtitle, 80):
            put(b"F1", 10, MARGIN_X, chunk)
            y -= 14
        y -= 18
    else:
        put(b"F1", 9, MARGIN_X, title)
        y -= 30

    for kind, text in blocks:
        if kind == "h":
            y -= 6
            put(b"F2", 13, MARGIN_X, text)
            y -= 20
        elif kind == "p":
            for chunk in textwrap.wrap(text, WRAP):
                put(b"F1", BODY_SIZE, MARGIN_X, chunk)
                y -= BODY_LEADING
            y -= 6
        elif kind == "li":
            first = True
            for chunk in textwrap.wrap(text, WRAP - 4):
                if first:
                    put(b"F1", BODY_SIZE, MARGIN_X, "\u2022")
                put(b"F1", BODY_SIZE, MARGIN_X + 14, chunk)
                y -= BODY_LEADING
                first = False
            y -= 2
        if y < 80:
            raise ValueError("page overflow in %r" % title)

    footer = "Ayuda Urbana · %d / %d" % (page_no, page_count)
    y = 40
    put(b"F1", 8, MARGIN_X, footer)
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def build_pdf(title, subtitle, pages):
    objects = []                              # list of bytes, object n is objects[n-1]

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)                       # placeholders, filled in below
    pages_id = add(None)
    font1 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    font2 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    page_ids = []
    for i, blocks in enumerate(pages, start=1):
        stream = page_stream(title, subtitle, blocks, i, len(pages))
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
        page = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
                   b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>"
                   % (pages_id, PAGE_W, PAGE_H, font1, font2, content))
        page_ids.append(page)
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    info = add(b"<< /Title " + pdf_info_text(title) + b" /Author " + pdf_info_text("Ayuda Urbana")
               + b" /Subject " + pdf_info_text(subtitle)
               + b" /Producer (make-demo-files.py) /CreationDate (" + CREATED.encode() + b") >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\n" % (len(objects) + 1, catalog, info)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def check_pdf(data):
    """Minimal structural check: every xref offset points at its 'n 0 obj' header."""
    start = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[start:start + 4] == b"xref", "startxref does not point at xref"
    header, rest = data[start:].split(b"\n", 2)[1], data[start:].split(b"\n", 2)[2]
    count = int(header.split()[1])
    entries = rest.split(b"\n")[:count]
    for n, entry in enumerate(entries):
        if n == 0:
            continue
        off = int(entry[:10])
        assert data[off:].startswith(b"%d 0 obj" % n), "bad offset for object %d" % n


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, os.pardir, "content")
    root = os.path.normpath(root)
    for rel, (title, subtitle, pages) in sorted(DOCS.items()):
        data = build_pdf(title, subtitle, pages)
        check_pdf(data)
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        print("%6d bytes  %d page(s)  %s" % (len(data), len(pages), os.path.relpath(path)))


if __name__ == "__main__":
    main()
