/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'

declare const API_URL: string
declare const CLOUD_ENV: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'alipay' | 'h5'
    TARO_APP_ID?: string
  }
}
