/**
 * The privacy guide and the user agreement, in each language. What the guide lists is what the function stores
 * (cloud/store/migrations) and the device permissions the app asks for (docs/privacy-declarations.md, generated from
 * the code); keep them in step when either changes.
 */
import type { Locale } from '@/i18n'

export type LegalDoc = 'privacy' | 'terms'
export interface LegalText {
  title: string
  updated: string
  sections: { heading: string; body: string[] }[]
}

const zh: Record<LegalDoc, LegalText> = {
  privacy: {
    title: '隐私保护指引',
    updated: '更新日期：2026 年 11 月 30 日',
    sections: [
      {
        heading: '我们收集的信息',
        body: [
          '平台标识：你的微信 openid 或支付宝用户 id，用于在你登录时识别你；微信登录时的会话密钥，仅用于读取你从群聊打开的群信息。',
          '名字和头像：由你填写或选择，展示给同一账本的成员。',
          '收款方式：你偏好的钱包和你上传的收款码图片，用于让朋友向你付款。',
          '账本记录：你创建或加入的账本、成员名字、账目（金额、说明、分类、日期、分摊）、付款与确认、提醒和动态。',
          '支付记录：通过微信支付或支付宝付款时的订单号和状态。我们看不到你的银行卡或余额。',
          '设置：语言、通知偏好、订阅消息的授权结果；账本关联的群聊标识。',
          '错误报告：页面出错时的页面路径、错误信息和平台，不含名字、金额或标识。'
        ]
      },
      {
        heading: '设备权限',
        body: ['相册或相机：仅在你上传收款码、头像或小票照片时读取你选择的照片。', '剪贴板：仅在你复制邀请或提醒时写入文字，或在你粘贴要导入的账本时读取。', '文件：仅在你选择要导入的账本文件时读取它。']
      },
      {
        heading: '如何使用与共享',
        body: [
          '这些信息只用于记账、结算和提醒。付款时，订单信息发送给微信支付或支付宝；通知通过微信或支付宝的订阅消息发送。我们不出售你的信息，也不用于广告。'
        ]
      },
      {
        heading: '保存与删除',
        body: [
          '信息保存在本小程序的云端数据库中，直到你注销账号。注销后你的资料、收款码、头像和登录关联立即删除；为了不改变其他成员的余额，你在账本中的记录会保留为匿名的“已注销用户”。'
        ]
      },
      {
        heading: '你的权利',
        body: ['在“我”页面可以查看和修改资料、导出你的全部数据（JSON 文件）、注销账号。有未结清的余额或进行中的付款时需要先结清。']
      }
    ]
  },
  terms: {
    title: '用户协议',
    updated: '更新日期：2026 年 11 月 30 日',
    sections: [
      { heading: '服务内容', body: ['本小程序帮助朋友记录共同花费、计算谁欠谁，并通过各自的钱包付款。'] },
      { heading: '你的责任', body: ['请如实记录账目，不要冒用他人身份或上传他人的收款码。账本的组织者可以管理成员和账本。'] },
      { heading: '付款', body: ['付款由微信支付或支付宝完成，以其结果为准。手动记录的付款需要收款人确认后才计入余额。'] },
      { heading: '变更与终止', body: ['你可以随时注销账号。协议有重要变更时会在小程序内提示。'] }
    ]
  }
}

const en: Record<LegalDoc, LegalText> = {
  privacy: {
    title: 'Privacy guide',
    updated: 'Updated 30 November 2026',
    sections: [
      {
        heading: 'What we collect',
        body: [
          'Platform id: your WeChat openid or Alipay user id, to recognise you when you sign in; the WeChat session key of your sign-in, only to read the group chat you opened a group from.',
          'Name and photo: what you enter or choose, shown to the members of your groups.',
          'How you get paid: your preferred wallet and the collection QR code you upload, so friends can pay you.',
          'Group records: the groups you create or join, member names, expenses (amount, description, category, date, shares), payments and confirmations, reminders and activity.',
          'Payment records: order numbers and states of payments made with WeChat Pay or Alipay. We never see your bank card or balance.',
          'Settings: language, notification choices, your answers to subscription requests; the chat a group is linked to.',
          'Error reports: the page, the error message and the platform when a page fails, with no names, amounts or ids.'
        ]
      },
      {
        heading: 'Device permissions',
        body: ['Album or camera: only the photos you pick when you upload a collection QR code, a photo of yourself or receipt photos.', 'Clipboard: only to copy an invite or a reminder you asked to copy, or to read a ledger export you paste to import.', 'Files: only the ledger export you choose to import.']
      },
      {
        heading: 'How it is used and shared',
        body: [
          'Only to keep the groups, settle up and send reminders. A wallet payment sends its order to WeChat Pay or Alipay; notifications go through their subscription messages. We do not sell your data or use it for ads.'
        ]
      },
      {
        heading: 'Keeping and deleting',
        body: [
          'Your data is kept in this mini-program’s cloud database until you delete your account. Deleting it removes your profile, QR code, photo and sign-in link at once; your entries in groups stay as an anonymous "已注销用户" so nobody else’s balance changes.'
        ]
      },
      {
        heading: 'Your rights',
        body: ['On Me you can see and change your profile, export all your data as a JSON file, and delete your account (settle any balance or payment in progress first).']
      }
    ]
  },
  terms: {
    title: 'User agreement',
    updated: 'Updated 30 November 2026',
    sections: [
      { heading: 'The service', body: ['This mini-program helps friends record shared costs, see who owes whom, and pay with their own wallets.'] },
      { heading: 'Your part', body: ['Record expenses honestly; do not pose as someone else or upload someone else’s collection QR code. A group’s organizer manages its members and settings.'] },
      { heading: 'Payments', body: ['Payments are made by WeChat Pay or Alipay and their outcome stands. A payment recorded by hand counts once the receiver confirms it.'] },
      { heading: 'Changes and ending', body: ['You can delete your account at any time. Important changes to this agreement are shown in the app.'] }
    ]
  }
}

export const legal: Record<Locale, Record<LegalDoc, LegalText>> = { 'zh-CN': zh, en }
