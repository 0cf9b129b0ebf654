import type { InfoPageSlug, InfoText } from './index.ts';

/** Los textos en español por defecto (a revisar por un abogado antes de abrir la tienda: infra/RUNBOOK.md). */
export const INFO_DEFAULTS_ES: Record<InfoPageSlug, InfoText> = {
  about: {
    title: 'Sobre Dakhla Market',
    body: 'Dakhla Market es un mercado de artesanos marroquíes. Cada tienda la lleva el artesano que fabrica lo que vende; revisamos cada tienda antes de abrirla y cada producto antes de mostrarlo.\n\nCuando compras, tu dinero va al artesano, menos la comisión de la plataforma, que paga la tienda, los pagos y la atención al cliente. Cada artesano envía su propio paquete.\n\n## Código abierto\nLa tienda es software libre: cualquiera puede leer cómo funciona.',
  },
  contact: {
    title: 'Contacto',
    body: '¿Una pregunta sobre un pedido, un producto o una tienda? Escríbenos o llámanos: respondemos en árabe, francés, inglés y español, normalmente en dos días laborables.\n\nPara un pedido, indica su número (está en el correo que recibiste).',
  },
  legal: {
    title: 'Aviso legal',
    body: '## Titular\nEsta tienda la publica la sociedad que gestiona Dakhla Market, cuyo nombre, domicilio social, número de registro mercantil e identificador fiscal figuran en la página de contacto.\n\n## Alojamiento\nLa tienda está alojada por Amazon Web Services EMEA SARL, 38 avenue John F. Kennedy, L-1855 Luxemburgo.\n\n## Vendedores\nCada producto lo vende el artesano cuya tienda lo ofrece; la plataforma actúa como intermediaria y cobra los pagos en nombre de los artesanos.',
  },
  terms: {
    title: 'Condiciones de venta',
    body: '## Quién vende\nCada producto lo vende el artesano cuya tienda lo ofrece. Dakhla Market gestiona la tienda, cobra el pago y se lo entrega al artesano, menos su comisión.\n\n## Precios\nLos precios están en dírhams marroquíes (MAD), impuestos incluidos. Los importes en euros o dólares son orientativos. El envío se cobra por paquete, según el destino y el peso, y se muestra antes de pedir.\n\n## Pedido\nTu pedido queda hecho cuando lo confirmas al pagar tras aceptar estas condiciones. Recibes un correo con su número y un enlace para seguirlo.\n\n## Pago\nCon tarjeta, o contra reembolso para entregas en Marruecos. Un pedido con tarjeta se prepara cuando se confirma el pago.\n\n## Entrega\nCada artesano envía su propio paquete. Si un paquete no llega, contáctanos: el pedido se reembolsa si no puede entregarse.\n\n## Desistimiento y devoluciones\nConsulta la página de devoluciones: fuera de Marruecos tienes 14 días para cambiar de opinión.\n\n## Reclamaciones\nContáctanos primero; respondemos en dos días laborables. Los consumidores de la Unión Europea pueden acudir también al organismo de mediación de consumo de su país.',
  },
  returns: {
    title: 'Devoluciones y derecho de desistimiento',
    body: '## 14 días para cambiar de opinión\nSi vives en la Unión Europea (o en otro país cuya ley te da este derecho), puedes desistir de tu compra sin dar motivos en los 14 días siguientes a recibir el paquete.\n\n## Cómo\nAvísanos antes de que pasen los 14 días: escríbenos con el número de pedido y los artículos que devuelves (basta un mensaje sencillo). Después envía los artículos en los 14 días siguientes a tu aviso, sin usar y en su embalaje.\n\n## Reembolso\nReembolsamos el precio de los artículos y el envío estándar en los 14 días siguientes a tu mensaje, por el medio con que pagaste. Podemos esperar a recibir los artículos. El coste de la devolución corre de tu cuenta.\n\n## Excepciones\nLos artículos hechos según tus especificaciones o claramente personalizados no se pueden devolver, como permite la ley.\n\n## En Marruecos\nUn artículo que llega dañado o no es el pedido se recoge: contáctanos en los 7 días siguientes a la entrega.',
  },
  privacy: {
    title: 'Privacidad',
    body: '## Qué guardamos\nPara un pedido: tu nombre, correo electrónico, teléfono y dirección de entrega, lo que compraste y cómo pagaste (nunca el número de tu tarjeta, que trata el proveedor de pagos). Para una cuenta de artesano: el correo y los datos de la tienda.\n\n## Para qué\nPara entregar tu pedido, escribirte sobre él, responderte y llevar la contabilidad que exige la ley. El artesano que envía tu paquete ve tu nombre, teléfono y dirección solo para eso.\n\n## Cuánto tiempo\nLos pedidos se guardan el tiempo que exige la ley contable (10 años en Marruecos); nada se vende ni se usa para publicidad.\n\n## Tus derechos\nSegún el Reglamento General de Protección de Datos (RGPD) de la UE y la ley marroquí 09-08 de protección de datos personales, puedes pedir ver, corregir o borrar tus datos, u oponerte a su uso: escríbenos (página de contacto). También puedes reclamar ante la CNDP en Marruecos o la autoridad de protección de datos de tu país.\n\n## Cookies\nLa tienda recuerda tu idioma, tu carrito y tus favoritos solo en tu navegador; no usa cookies de publicidad ni de seguimiento.',
  },
};
